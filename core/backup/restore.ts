// Loads a dump made by backupDatabase into an empty, migrated database (PGlite
// or PostgreSQL): rows are inserted in foreign-key order with
// json_populate_recordset, so PostgreSQL itself converts every value back to
// its column's type; then the id sequences continue after the highest id.
import fs from "node:fs";
import readline from "node:readline";
import { createGunzip } from "node:zlib";
import type { Database } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { BACKUP_FORMAT, type BackupHeader, tablesInDependencyOrder } from "./backup.ts";

const BATCH = 1000;

/**
 * Tables the database derives from others as their rows are restored: the backup's copy is skipped.
 * The restored events rebuild event_stats by trigger (the order chain in "order" is rebuilt the same
 * way, over the backup's values); the metrics' daily rollup of orders (order_day, its state and marks)
 * is rebuilt from the restored orders by its job's first run, and read from the orders until then.
 */
const DERIVED_BY_TRIGGERS = new Set(["event_stats", "order_day", "order_day_state", "order_day_mark"]);

export class RestoreError extends Error {
  override name = "RestoreError";
}

export async function restoreDatabase(db: Database, file: string): Promise<BackupHeader> {
  await migrate(db);
  const known = new Set(await tablesInDependencyOrder(db));
  return db.prisma.$transaction(
    async (tx) => {
      const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
      let header: BackupHeader | undefined;
      let table: string | undefined;
      let batch: string[] = [];
      const flush = async () => {
        if (!table || batch.length === 0) return;
        await tx.$executeRawUnsafe(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, `[${batch.join(",")}]`);
        batch = [];
      };
      for await (const line of lines) {
        if (!line) continue;
        if (!header) {
          const first = JSON.parse(line) as { format?: unknown };
          if (first.format !== BACKUP_FORMAT) throw new RestoreError(`${file} is not a Chatloop backup`);
          header = first as BackupHeader;
          const applied = (await tx.$queryRawUnsafe<{ name: string }[]>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)).map((r) => r.name);
          const missing = header.migrations.filter((m) => !applied.includes(m));
          if (missing.length > 0) throw new RestoreError(`the backup comes from a newer Chatloop (migrations ${missing.join(", ")}); upgrade first`);
          for (const name of known) {
            if (name === "delivery_pacer") continue;
            const rows = await tx.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${name}"`);
            if (Number(rows[0]?.n ?? 0) > 0) throw new RestoreError(`the target database is not empty (table ${name} has rows); restore into a new database`);
          }
          // Rows the migrations seeded are replaced by the backup's.
          await tx.$executeRawUnsafe(`DELETE FROM delivery_pacer`);
          continue;
        }
        if (line.startsWith('{"table":')) {
          await flush();
          table = (JSON.parse(line) as { table: string }).table;
          if (!known.has(table)) throw new RestoreError(`the backup has a table "${table}" this version does not know`);
          continue;
        }
        if (table && DERIVED_BY_TRIGGERS.has(table)) continue;
        batch.push(line);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      if (!header) throw new RestoreError(`${file} is empty`);
      // Serial ids continue after the highest restored one.
      const serials = await tx.$queryRawUnsafe<{ table_name: string }[]>(
        `SELECT table_name::text AS table_name FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'id' AND column_default LIKE 'nextval%'`,
      );
      for (const { table_name } of serials) {
        await tx.$executeRawUnsafe(
          `SELECT setval(pg_get_serial_sequence('"${table_name}"', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM "${table_name}"`,
        );
      }
      return header;
    },
    { timeout: 24 * 3600_000, maxWait: 60_000 },
  );
}
