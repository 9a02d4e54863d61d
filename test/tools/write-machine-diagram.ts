import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { enforcementCaseDiagramDocument } from '@workflows/enforcement-case/diagram/to-mermaid';

/** `npm run diagram`: writes the machine's Mermaid diagram next to the machine. */
export const DIAGRAM_FILE = path.resolve(__dirname, '../../workflows/enforcement-case/docs/enforcement-case.machine.md');

export function writeMachineDiagram(): void {
  writeFileSync(DIAGRAM_FILE, enforcementCaseDiagramDocument());
  console.log(`wrote ${path.relative(process.cwd(), DIAGRAM_FILE)}`);
}
