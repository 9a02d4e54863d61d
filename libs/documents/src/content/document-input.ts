import { CaseEvent, NumberSeries, RulesVersion } from '@workflows/enforcement-case';

/** The documents whose number an agency may format (document-numbers.ts gives the defaults). */
export type DocumentNumberFormat = NumberSeries;

/** What the registry tells the documents about an agency (the issuing one): its name, numbers and remedy bodies. */
export interface DocumentAgency {
  id: string;
  name: string;
  shortName: string;
  numberFormats?: Partial<Record<DocumentNumberFormat, string>>;
  /** For an entrusted organisation (受委托组织): the agency in whose name it acts (行政处罚法第二十条). */
  entrustedBy?: string;
  /** 行政复议机关 named in decisions (行政复议法第二十四条). */
  reconsiderationBody?: string;
  /** 人民法院 named in decisions for 行政诉讼 (行政诉讼法第十八条). */
  litigationCourt?: string;
  /** Where and to which account fines are paid (行政处罚法第六十七条: collection is separate from the deciding agency). */
  finePayment?: string;
}

export interface DocumentRegistry {
  agency(id: string): DocumentAgency | undefined;
  person(id: string): { name: string; certificate?: { number: string } } | undefined;
}

/** Everything a document is made of: the case's events (in order), the registry and the rules versions. */
export interface DocumentInput {
  events: readonly CaseEvent[];
  registry: DocumentRegistry;
  rules: (versionId: string) => RulesVersion | undefined;
}
