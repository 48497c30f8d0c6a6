// Applies prisma/migrations/*/migration.sql in order at start-up. It keeps
// Prisma's own bookkeeping table (_prisma_migrations, same checksums), so
// `prisma migrate status` agrees with what ran here. Each migration runs in a
// transaction; an advisory lock keeps two starting instances from racing.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Database } from "./database.ts";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
const MIGRATION_LOCK_KEY = 72707369; // the key Prisma's own migrate uses

export interface MigrationResult {
  applied: string[];
  total: number;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const migrations = listMigrations(dir);
  const result = await db.withAdvisoryLock(MIGRATION_LOCK_KEY, async () => {
    await db.execScript(BOOKKEEPING_TABLE);
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date | null }[]>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous?.finished_at) {
        if (previous.checksum !== m.checksum) {
          throw new MigrationError(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      if (previous) {
        throw new MigrationError(`Migration ${m.name} failed earlier and was left half-applied; fix the database, then mark it rolled back.`);
      }
      const id = crypto.randomUUID();
      await db.execScript(
        `BEGIN;\n${m.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ('${id}', '${m.checksum}', '${m.name.replace(/'/g, "''")}', now(), now(), 1);\nCOMMIT;`,
      ).catch(async (err: unknown) => {
        await db.execScript("ROLLBACK;").catch(() => {});
        throw new MigrationError(`Migration ${m.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      });
      applied.push(m.name);
      // VACUUM cannot run in the migration's transaction: a migration that rewrote many rows names
      // the tables ("-- vacuum: table, ...") and they are vacuumed once it has committed. Without it,
      // an index-only scan of a rewritten table reads the table too until autovacuum comes by, which
      // for an UPDATE of a tenth of ten million orders it does not (its threshold is a fifth).
      for (const table of vacuumTables(m.sql)) await db.execScript(`VACUUM (ANALYZE) ${table};`);
    }
    return applied;
  });
  return { applied: result ?? [], total: migrations.length };
}

/** The tables a migration asks to vacuum once applied: `-- vacuum: "order", subscriber`. */
export function vacuumTables(sql: string): string[] {
  return [...sql.matchAll(/^-- vacuum: (.+)$/gm)].flatMap((m) =>
    m[1]!
      .split(",")
      .map((t) => t.trim())
      .filter((t) => /^("[a-z_]+"|[a-z_]+)$/.test(t)),
  );
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

function listMigrations(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const BOOKKEEPING_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

/** Migration files not (successfully) applied to this database yet. */
export async function pendingMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied = await db.prisma
    .$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
    .catch(() => []);
  const done = new Set(applied.map((r) => r.migration_name));
  return listMigrations(dir)
    .map((m) => m.name)
    .filter((name) => !done.has(name));
}
