// npm run restore -- <file>: loads a backup into the configured database,
// which must be empty (a new DATA_DIR, or a new PostgreSQL database given by
// DATABASE_URL). This is also how an embedded install moves to a server.
import { restoreDatabase } from "../core/backup/restore.ts";
import { loadConfig } from "../core/config.ts";
import { openDatabase } from "../core/db/database.ts";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run restore -- <backup file>   (into DATABASE_URL, or the embedded database in DATA_DIR)");
  process.exit(2);
}
try {
  const config = loadConfig();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const header = await restoreDatabase(db, file);
  await db.close();
  const rows = header.tables.reduce((a, t) => a + t.rows, 0);
  console.log(`Restored ${rows} rows into ${config.DATABASE_URL ? "PostgreSQL" : `the embedded database in ${config.DATA_DIR}`} from ${file} (made ${header.createdAt})`);
} catch (err) {
  console.error(`Restore failed: ${(err as Error).message.trim()}`);
  process.exit(1);
}
