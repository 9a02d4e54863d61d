/** A term as a person reads it: Chinese first, English for logs and the English half of messages. */
export interface TermName {
  zh: string;
  en: string;
}

/** The Chinese name of a vocabulary key, or the key itself when the vocabulary does not know it (older data). */
export function zhName(names: Readonly<Record<string, TermName>>, key: string): string {
  return Object.prototype.hasOwnProperty.call(names, key) ? names[key].zh : key;
}
