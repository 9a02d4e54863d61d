import * as path from 'node:path';
import { StoreIntegrity, openSqliteIntegrity } from '@app/event-store';

/**
 * `npm run verify`: checks the hash chains and anchors of the store under DATA_DIR (read-only) and names the
 * first bad position. Exit 0 when intact, 1 when tampered, 2 when the file cannot be read.
 */
async function main(): Promise<number> {
  const file = path.join(path.resolve(process.env.DATA_DIR || './data'), 'casetrail.db');
  let integrity: StoreIntegrity & { close(): void };
  try {
    integrity = openSqliteIntegrity(file);
  } catch (e) {
    console.error(`无法打开 cannot open ${file}: ${(e as Error).message}`);
    return 2;
  }
  const report = await integrity.verify().finally(() => integrity.close());
  if (report.ok) {
    console.log(`完整 intact: ${report.checkedEvents} events up to position ${report.headPosition}, ${report.anchors} anchors (${file})`);
    return 0;
  }
  console.error(`被篡改 TAMPERED at position ${report.problem!.position} (${report.problem!.kind}): ${report.problem!.detail}`);
  return 1;
}

void main().then((code) => (process.exitCode = code));
