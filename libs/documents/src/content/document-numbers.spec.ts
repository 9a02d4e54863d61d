import { DEFAULT_DOCUMENT_NUMBER_FORMATS, DOCUMENT_NUMBER_FORMATS, numberFormatProblem } from './document-numbers';

describe('numberFormatProblem: whether a format can number documents', () => {
  it('accepts every default and a format with {n} and {year}, with or without {short}, anywhere', () => {
    expect(DOCUMENT_NUMBER_FORMATS.map((k) => numberFormatProblem(DEFAULT_DOCUMENT_NUMBER_FORMATS[k]))).toEqual(
      DOCUMENT_NUMBER_FORMATS.map(() => null),
    );
    for (const ok of ['{year}-{n}', '第{n}号（{year}）', '{year}年{short}罚告字第{n}号']) expect(numberFormatProblem(ok)).toBeNull();
  });

  it('refuses a format without {n} or {year} or with one twice, an unknown placeholder, a repeated {short}, a stray brace', () => {
    expect(numberFormatProblem('{short}罚告〔{year}〕号')).toContain('{n}');
    expect(numberFormatProblem('{n}-{n}')).toContain('{n}');
    expect(numberFormatProblem('{short}〔{yr}〕{n}号')).toContain('{yr}');
    expect(numberFormatProblem('{short}罚告第{n}号')).toContain('{year}');
    expect(numberFormatProblem('{year}{year}-{n}')).toContain('{year}');
    expect(numberFormatProblem('{short}{short}{year}{n}')).toContain('{short}');
    expect(numberFormatProblem('{short}〔{year}〕{n}号}')).toContain('花括号');
  });
});
