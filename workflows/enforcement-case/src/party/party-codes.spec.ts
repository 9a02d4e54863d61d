import { isValidCreditCode, isValidResidentIdNumber } from './party-codes';

describe('isValidCreditCode (GB 32100-2015)', () => {
  // Real codes as published on business licences and reused in other validators' test data,
  // chosen to cover different registration authorities and organisation types (positions 1-2).
  it.each([
    ['91350100M000100Y43', 'the sample code widely published with GB 32100-2015'],
    ['914403001922038216', 'enterprise (91), Huawei Technologies Co., Ltd.'],
    ['91110108551385082Q', 'enterprise (91), Beijing Xiaomi Technology Co., Ltd.'],
    ['91440300708461136T', 'enterprise (91), Shenzhen'],
    ['92510100MA61WJ3204', 'individual business (92)'],
    ['11610923MB2900168E', 'government organ (11)'],
    ['51610700305332460K', 'social organisation (51)'],
    ['52610500MJU60350X1', 'private non-enterprise unit (52)'],
  ])('accepts %s (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('writes a computed 31 as check character 0 and 30 as Y', () => {
    // Constructed: the weighted sum of the first 17 characters is ≡ 0 (mod 31), resp. ≡ 1.
    expect(isValidCreditCode('914403007152672630')).toBe(true);
    expect(isValidCreditCode('91350100M00010012Y')).toBe(true);
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100M000100Y4Y', 'wrong check character'],
    ['91350100M000010Y43', 'two characters transposed'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000100Y433', '19 characters'],
    ['', 'empty'],
    ['91350100I000100Y43', 'forbidden letter I'],
    ['91350100O000100Y43', 'forbidden letter O'],
    ['91350100Z000100Y43', 'forbidden letter Z'],
    ['91350100S000100Y43', 'forbidden letter S'],
    ['91350100V000100Y43', 'forbidden letter V'],
    ['91350100m000100y43', 'lower case'],
    [' 91350100M000100Y43', 'leading space'],
    ['91350100M000100Y4-', 'punctuation'],
    ['91350200M000000510', 'sample circulating online that fails its check (expected D)'],
  ])('rejects %p (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('checks form, not existence: a made-up code with a matching check character passes', () => {
    expect(isValidCreditCode('123456789012345678')).toBe(true);
  });
});

describe('isValidResidentIdNumber (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', 'the example in GB 11643-1999, check character X'],
    ['440524188001010014', 'the other example in GB 11643-1999'],
    ['110101200002290018', 'born on 29 February 2000 (constructed)'],
  ])('accepts %s (%s)', (id) => {
    expect(isValidResidentIdNumber(id)).toBe(true);
  });

  it.each([
    ['110105194912310021', 'wrong check character'],
    ['11010519491231002Y', 'check character that is not a digit or X'],
    ['11010519491231002x', 'lower-case x'],
    ['11010519491231002', '17 characters'],
    ['11010519491231002X1', '19 characters'],
    ['110105491231002', '15-digit first-generation number'],
    ['110105194913310021', 'month 13 (check character otherwise right)'],
    ['110101190002290011', 'born on 29 February 1900, not a leap year (check character otherwise right)'],
    ['110105179912310016', 'born before 1800 (check character otherwise right)'],
  ])('rejects %p (%s)', (id) => {
    expect(isValidResidentIdNumber(id)).toBe(false);
  });
});
