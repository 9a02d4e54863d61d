import { DocumentInput } from './document-input';

/** An anchor of the global hash chain (the anchor log's entry), as the 案卷's integrity page cites it. */
export interface DossierAnchor {
  seq: number;
  position: string;
  globalHash: string;
  createdAt: string;
}

/** The tamper evidence of a case's stream, read from the store beside its events. */
export interface DossierChain {
  /** The stream hash of each event, in the order of the events; null where the store keeps no hash chain. */
  hashes: readonly string[] | null;
  /** The global position of the case's last event. */
  headPosition: string;
  /** The first anchor at or after that position (it covers the whole stream), or null while none does. */
  anchor: DossierAnchor | null;
}

/** What the 案卷 is made of: what every document is made of, and the stream's hashes and anchor. */
export interface DossierInput extends DocumentInput {
  chain: DossierChain;
}
