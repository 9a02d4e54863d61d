import { readFileSync } from 'node:fs';
import { enforcementCaseDiagramDocument } from '@workflows/enforcement-case/diagram/to-mermaid';
import { DIAGRAM_FILE } from '../tools/write-machine-diagram';

describe('the committed machine diagram', () => {
  it('is what `npm run diagram` writes from the machine now (run it after changing the machine)', () => {
    expect(readFileSync(DIAGRAM_FILE, 'utf8')).toBe(enforcementCaseDiagramDocument());
  });

  it('names every stage in Chinese and draws the trunk', () => {
    const doc = enforcementCaseDiagramDocument();
    for (const zh of ['立案审批', '调查取证', '听证', '执行完毕', '结案', '不予立案']) expect(doc).toContain(zh);
    expect(doc).toContain('procedure_open_filing --> procedure_open_investigation : CaseFiled');
  });
});
