import { parseInstant, toShanghaiDate } from '@app/calendar';
import { Party, Penalty, PeriodRule } from '@workflows/enforcement-case';
import { chineseDate, countInWords, yuanInCapitals, yuanInFigures } from './chinese-numerals';

/** How a document addresses the party: 你单位 (an organisation) or 你 (a person). */
export function addressOf(party: Party): string {
  return party.kind === 'organization' ? '你单位' : '你';
}

export function partyCodeRow(party: Party): { label: string; value: string } {
  return party.kind === 'organization'
    ? { label: '统一社会信用代码', value: party.creditCode }
    : { label: '公民身份号码', value: party.idNumber };
}

/** One penalty as the document states it; a fine in figures and capitals (罚款人民币贰万元整（20,000.00元）). */
export function penaltyText(p: Penalty): string {
  switch (p.kind) {
    case 'warning':
      return '警告';
    case 'fine':
      return `罚款${yuanInCapitals(p.amountYuan ?? 0)}（${yuanInFigures(p.amountYuan ?? 0)}）`;
    case 'confiscation':
      return p.amountYuan ? `没收违法所得${yuanInCapitals(p.amountYuan)}（${yuanInFigures(p.amountYuan)}）` : '没收违法所得、没收非法财物';
    case 'suspend_production':
      return p.days ? `责令停产停业整顿${countInWords(p.days)}日` : '责令停产停业整顿';
    case 'revoke_license':
      return '吊销有关许可证';
    case 'close':
      return '责令关闭';
    case 'restrict_practice':
      return '限制从业';
  }
}

/** A statutory period in words: 三个工作日, 六十日, 六个月. */
export function periodText(rule: PeriodRule): string {
  const unit = rule.unit === 'working_days' ? '个工作日' : rule.unit === 'months' ? '个月' : '日';
  return `${countInWords(rule.n)}${unit}`;
}

/** A period as recorded in a deadline's basis (3 个工作日 working days (…)), in words; null if unreadable. */
export function periodFromBasis(basis: string): string | null {
  const m = /^(\d+) (个工作日|日|个月)/.exec(basis);
  return m ? `${countInWords(Number(m[1]))}${m[2]}` : null;
}

/** Statutes cited as the API records them ('安全生产法 Art. 99') in the documents' form (《安全生产法》第九十九条). */
export function citation(basis: string): string {
  const m = /^(.+?)\s*Art\.\s*(\d+)(?:\((\d+)\))?(.*)$/.exec(basis.trim());
  if (!m) return basis;
  const [, law, article, clause, rest] = m;
  const name = law.startsWith('《') ? law : `《${law}》`;
  return `${name}第${articleNumber(Number(article))}条${clause ? `第${articleNumber(Number(clause))}款` : ''}${rest.trim()}`;
}

const DIGITS = '〇一二三四五六七八九';

/** Article numbers in characters: 99 → 九十九, 110 → 一百一十, 205 → 二百零五. */
export function articleNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 100) return `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const hundreds = `${DIGITS[Math.floor(n / 100)]}百`;
  const rest = n % 100;
  if (rest === 0) return hundreds;
  if (rest < 10) return `${hundreds}零${DIGITS[rest]}`;
  return `${hundreds}${DIGITS[Math.floor(rest / 10)]}十${rest % 10 ? DIGITS[rest % 10] : ''}`;
}

/** Several citations joined as documents list them: 《…》第…条、《…》第…条. */
export function citations(list: readonly string[]): string {
  return list.map(citation).join('、');
}

/** A moment as documents state a time: the Shanghai date in characters and the hour (二〇二六年十月二十三日 09:00). */
export function momentText(isoDateTime: string): string {
  const ms = parseInstant(isoDateTime) ?? Number.NaN;
  const time = Number.isNaN(ms) ? '' : new Date(ms + 8 * 3600_000).toISOString().slice(11, 16);
  return `${chineseDate(toShanghaiDate(isoDateTime))}${time ? ` ${time}` : ''}`;
}

/** An amount as the documents state it: in capitals, then in figures (人民币捌仟元整（8,000.00元）). */
export function amountText(yuan: number): string {
  return `${yuanInCapitals(yuan)}（${yuanInFigures(yuan)}）`;
}

/** Recorded text as a clause of a document's sentence (因…): without the stop the officer may have typed at its end. */
export function clause(text: string): string {
  return text.trim().replace(/[。.;；,，]+$/, '');
}

/** Recorded text as a sentence of a document: ending in one 。 whatever the officer typed at its end. */
export function sentence(text: string): string {
  return `${clause(text)}。`;
}
