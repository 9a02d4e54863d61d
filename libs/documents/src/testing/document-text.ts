import { CaseDocument } from '../content/document-model';

/** All the text a document says, in order (what any renderer must show). */
export function documentText(doc: CaseDocument): string {
  const parts = [doc.issuer, doc.title, doc.number];
  for (const b of doc.blocks) {
    if (b.kind === 'form') parts.push(...b.rows.flatMap((r) => [r.label, 'value' in r ? r.value : '']));
    else if (b.kind === 'signature') parts.push(...b.lines);
    else if (b.kind === 'table') parts.push(...b.rows.flatMap((r) => [...r.cells, r.note ?? '']));
    else parts.push(b.text);
  }
  return parts.join('\n');
}
