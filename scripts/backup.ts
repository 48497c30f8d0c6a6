// npm run backup [-- <file>]: a consistent dump of the configured database
// (embedded by default) to backups/chatloop-<time>.jsonl.gz or <file>.
import fs from "node:fs";
import path from "node:path";
import { backupDatabase } from "../core/backup/backup.ts";
import { loadConfig } from "../core/config.ts";
import { openDatabase } from "../core/db/database.ts";
import { migrate } from "../core/db/migrate.ts";

try {
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const file = path.resolve(process.argv[2] ?? path.join("backups", `chatloop-${stamp}.jsonl.gz`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await migrate(db);
  const header = await backupDatabase(db, file);
  await db.close();
  const rows = header.tables.reduce((a, t) => a + t.rows, 0);
  console.log(`Backed up ${rows} rows from ${header.tables.length} tables (${config.DATABASE_URL ? "PostgreSQL" : `embedded, ${config.DATA_DIR}`}) to ${file}`);
  for (const t of header.tables.filter((x) => x.rows > 0)) console.log(`  ${t.name.padEnd(24)} ${t.rows}`);
} catch (err) {
  console.error(`Backup failed: ${(err as Error).message.trim()}`);
  process.exit(1);
}
