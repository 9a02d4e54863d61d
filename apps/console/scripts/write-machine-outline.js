/**
 * Writes the enforcement case machine's outline (its regions and states with their Chinese names) as JSON for the
 * case page's state diagram, from the built machine (dist/): the diagram is read from the machine itself, and the
 * page's bundle does not carry XState.
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'apps/console/src/cases/machine-outline.json'));
const { enforcementCaseOutline } = require(path.join(root, 'dist/workflows/enforcement-case/src/diagram/outline'));
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(enforcementCaseOutline(), null, 2) + '\n');
console.log(`Machine outline written to ${path.relative(root, out)}`);
