import { isValidCreditCode, isValidResidentIdNumber, Party } from '@workflows/enforcement-case';
import { SeededRandom } from './random';

/** The check character that makes the code valid, found by trying each (the check itself lives in party-codes). */
function completed(first17: string, candidates: string, valid: (code: string) => boolean): string {
  const code = [...candidates].map((c) => first17 + c).find(valid);
  if (!code) throw new Error(`no check character completes ${first17}`);
  return code;
}

const ORG_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** An enterprise (统一社会信用代码 91 + the county's division code + a registration serial + check character). */
export function organization(division: string, name: string, legalRepresentative: string, address?: string): Party {
  const rnd = new SeededRandom(`org:${name}`);
  const serial = Array.from({ length: 9 }, () => rnd.pick([...ORG_CODE_CHARS])).join('');
  return {
    kind: 'organization',
    name,
    creditCode: completed(`91${division}${serial}`, ORG_CODE_CHARS, isValidCreditCode),
    legalRepresentative,
    ...(address ? { address } : {}),
  };
}

/** A person (居民身份证号: the county's division code, a birth date, a sequence and the check character). */
export function individual(division: string, name: string, birthDate: string, address?: string): Party {
  const rnd = new SeededRandom(`person:${name}`);
  const sequence = String(rnd.int(10, 998)).padStart(3, '0');
  return {
    kind: 'individual',
    name,
    idNumber: completed(`${division}${birthDate.replace(/-/g, '')}${sequence}`, '0123456789X', isValidResidentIdNumber),
    ...(address ? { address } : {}),
  };
}
