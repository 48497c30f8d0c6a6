// A fresh, migrated database for one benchmark run: a PostgreSQL database
// created and dropped on the local server, or PGlite in a temporary folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database, type DatabaseKind } from "../../core/db/database.ts";
import { migrate } from "../../core/db/migrate.ts";
import { createPostgresDatabase, dropPostgresDatabase } from "../../test/support/databases.ts";

/** `poolSize` for PostgreSQL; unset = the product's default pool. */
export async function withBenchDatabase<T>(kind: DatabaseKind, options: { poolSize?: number | undefined }, fn: (db: Database) => Promise<T>): Promise<T> {
  if (kind === "postgres") {
    const pg = await createPostgresDatabase();
    const db = await openDatabase({ url: pg.url, ...(options.poolSize ? { poolSize: options.poolSize } : {}) });
    try {
      await migrate(db);
      return await fn(db);
    } finally {
      await db.close();
      await dropPostgresDatabase(pg.name);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-bench-"));
  const db = await openDatabase({ dataDir: dir });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
