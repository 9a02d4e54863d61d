import Database from 'better-sqlite3';
import * as path from 'node:path';
import { verifyIntegrity } from '@app/event-store';

/**
 * `npm run verify`: checks the hash chains and anchors of the store under DATA_DIR (read-only) and names the
 * first bad position. Exit 0 when intact, 1 when tampered, 2 when the file cannot be read.
 */
function main(): number {
  const file = path.join(path.resolve(process.env.DATA_DIR || './data'), 'casetrail.db');
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    console.error(`无法打开 cannot open ${file}: ${(e as Error).message}`);
    return 2;
  }
  const report = verifyIntegrity(db);
  db.close();
  if (report.ok) {
    console.log(`完整 intact: ${report.checkedEvents} events up to position ${report.headPosition}, ${report.anchors} anchors (${file})`);
    return 0;
  }
  console.error(`被篡改 TAMPERED at position ${report.problem!.position} (${report.problem!.kind}): ${report.problem!.detail}`);
  return 1;
}

process.exitCode = main();
