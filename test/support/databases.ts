// Every database test runs twice: on embedded PGlite and on the PostgreSQL
// server of this machine, in a database created for the run and dropped after.
// An unreachable server fails the PostgreSQL half loudly; it is never skipped.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database, type DatabaseKind } from "../../core/db/database.ts";
import { MIGRATIONS_DIR, migrate } from "../../core/db/migrate.ts";

export const DATABASE_KINDS: DatabaseKind[] = ["pglite", "postgres"];

/** Where tests create their PostgreSQL databases (TEST_POSTGRES_URL overrides). */
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  db: Database;
  kind: DatabaseKind;
  /** postgres:// URL of the created database (PostgreSQL only), for child processes. */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db =
      options.migrate === false
        ? await openDatabase({ dataDir: "memory://" })
        : await openDatabase({ dataDir: "memory://", pgliteTemplate: await migratedPgliteTemplate() });
    if (options.migrate !== false) await migrate(db);
    return { db, kind, drop: () => db.close() };
  }
  const { name, url } = await createPostgresDatabase();
  const db = await openDatabase({ url, poolSize: 5 });
  if (options.migrate !== false) await migrate(db);
  return {
    db,
    kind,
    url,
    async drop() {
      await db.close();
      await dropPostgresDatabase(name);
    },
  };
}

/**
 * PGlite's initdb takes seconds (it runs in WebAssembly); loading a dump of an
 * already migrated data directory takes well under one. The dump is made once
 * per set of migrations and shared by every test file through a temp file.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const hash = crypto.createHash("sha256");
  for (const name of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
    if (fs.existsSync(file)) hash.update(name).update(fs.readFileSync(file));
  }
  const file = path.join(os.tmpdir(), `chatloop-pglite-template-${hash.digest("hex").slice(0, 16)}.tar`);
  if (!fs.existsSync(file)) {
    const db = await openDatabase({ dataDir: "memory://" });
    await migrate(db);
    const dump = await db.pglite!.dumpDataDir("none");
    await db.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
  }
  return new Blob([fs.readFileSync(file)]);
}

export async function createPostgresDatabase(): Promise<{ name: string; url: string }> {
  const name = `chatloop_test_${Date.now().toString(36)}_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL tests need the server at ${ADMIN_URL} (set TEST_POSTGRES_URL to use another): ${(err as Error).message}`,
    );
  }
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
