// A consistent, portable dump of the whole database: one JSON line per row,
// read inside one transaction (a single snapshot), gzip-compressed. It loads
// into PGlite or a PostgreSQL server alike, which is how an embedded install
// moves to a server (README, "Moving to PostgreSQL").
import fs from "node:fs";
import { createGzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { Database } from "../db/database.ts";

export const BACKUP_FORMAT = "chatloop-backup";
export const BACKUP_VERSION = 1;
const PAGE = 2000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

type Queryable = Pick<Database["prisma"], "$queryRawUnsafe">;

/** Tables in an order where every foreign key points to a table already listed. */
export async function tablesInDependencyOrder(db: Database | Queryable): Promise<string[]> {
  const q: Queryable = "prisma" in db ? db.prisma : db;
  const tables = (
    await q.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name::text AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
  ).map((r) => r.name);
  const edges = await q.$queryRawUnsafe<{ child: string; parent: string }[]>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (t: string) => t.replace(/^"|"$/g, "");
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => edges.every((e) => unquote(e.child) !== t || unquote(e.parent) === t || !pending.has(unquote(e.parent))));
    if (ready.length === 0) throw new Error(`circular foreign keys among ${[...pending].join(", ")}`);
    for (const t of ready.sort()) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

/** Writes the dump to `file`; returns the header (tables and their row counts). */
export async function backupDatabase(db: Database, file: string, now = new Date()): Promise<BackupHeader> {
  const tmp = `${file}.partial`;
  const header = await db.prisma.$transaction(
    async (tx) => {
      // Inside the transaction only: on PGlite the transaction holds the one connection.
      const tables = await tablesInDependencyOrder(tx);
      const migrations = (
        await tx.$queryRawUnsafe<{ name: string }[]>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`)
      ).map((r) => r.name);
      const counts: { name: string; rows: number }[] = [];
      for (const name of tables) {
        const r = await tx.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${name}"`);
        counts.push({ name, rows: Number(r[0]?.n ?? 0) });
      }
      const head: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), migrations, tables: counts };
      async function* lines(): AsyncGenerator<string> {
        yield `${JSON.stringify(head)}\n`;
        for (const { name } of counts) {
          yield `${JSON.stringify({ table: name })}\n`;
          // A cursor inside the snapshot: bounded memory on a large table.
          await tx.$executeRawUnsafe(`DECLARE dump_cursor NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM "${name}" t`);
          for (;;) {
            const page = await tx.$queryRawUnsafe<{ row: string }[]>(`FETCH ${PAGE} FROM dump_cursor`);
            if (page.length === 0) break;
            yield `${page.map((p) => p.row).join("\n")}\n`;
          }
          await tx.$executeRawUnsafe(`CLOSE dump_cursor`);
        }
      }
      await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(tmp));
      return head;
    },
    { isolationLevel: "RepeatableRead", timeout: 24 * 3600_000, maxWait: 60_000 },
  );
  fs.renameSync(tmp, file);
  return header;
}
