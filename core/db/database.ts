// One Database handle for the whole process: the Prisma client over a driver
// adapter, plus a way to run multi-statement SQL scripts (migrations, dumps).
// Embedded PGlite when no DATABASE_URL is given, a PostgreSQL server otherwise.
//
// The rule for queries: plain reads and writes of rows go through Prisma
// Client's typed calls (in a transaction too: pass `Prisma.TransactionClient`,
// never a Pick of its raw methods); raw SQL is for set-based work Prisma cannot
// say in one statement (INSERT ... SELECT, segment queries, aggregates,
// conditional moves, jsonb and array merges, locks).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "../../generated/prisma/client.ts";

export type DatabaseKind = "pglite" | "postgres";

// Segment and metric queries sort and hash hundreds of thousands of customers:
// with PostgreSQL's default 4 MB they spill to disk and run several times
// slower. JIT compilation costs more than it saves on these second-long queries.
const ANALYTIC_WORK_MEM = "64MB";
const ANALYTIC_SESSION = `-c work_mem=${ANALYTIC_WORK_MEM} -c jit=off`;

export interface Database {
  readonly kind: DatabaseKind;
  /** The embedded engine, for dumps and backups (PGlite only). */
  readonly pglite?: PGlite;
  readonly prisma: PrismaClient;
  /** Runs a script of several statements without parameters (migrations, restores). */
  execScript(sql: string): Promise<void>;
  /**
   * Runs one parameterized statement straight on the driver, skipping Prisma's
   * per-query overhead. For hot paths only (the delivery worker's writes);
   * everything else goes through `prisma`.
   */
  execute(sql: string, params: unknown[]): Promise<number>;
  /**
   * Like `execute`, and returns the rows as the driver gives them (no
   * Prisma mapping: bigint columns may come back as strings, cast in SQL or
   * convert). For the hot statements of a burst of updates only (the update
   * claim, a newcomer's /start, the consent press).
   */
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
  /**
   * Runs `fn` while holding a session-level PostgreSQL advisory lock, so only one
   * instance does it at a time. Returns undefined when `wait` is false and another
   * instance holds the lock. The lock lives on a connection of its own, outside
   * the pool: waiting for it never takes a connection that `fn`, or anybody
   * else, needs. For long work (migrations, the scheduler's jobs); short
   * critical sections use lockedTransaction.
   */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>, wait?: boolean): Promise<T | undefined>;
  /**
   * Runs `fn` in one transaction that first takes the transaction-level
   * advisory lock `key`: concurrent callers (in this process or another) run
   * one after the other. The lock and the work share the transaction's one
   * connection, so a caller waiting for the lock holds nothing the holder
   * needs; the lock goes with the commit or rollback. Every query of `fn` must
   * go through `tx` (on PGlite the transaction holds the only connection).
   */
  lockedTransaction<T>(key: number, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T>;
  /**
   * Holds a session-level advisory lock (namespace, id) until the returned
   * function is called or the process dies: other instances can tell this one
   * is alive with isSessionLockHeld.
   */
  holdSessionLock(namespace: number, id: number): Promise<() => Promise<void>>;
  isSessionLockHeld(namespace: number, id: number): Promise<boolean>;
  /**
   * What the product does once at start, before it answers anybody: opens every connection
   * of the pool at once and runs Prisma's first query, so the first questions do not wait
   * for connection setup (PostgreSQL) or the client's first query. See openPostgres for
   * why the connections then stay open.
   */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://... for a server; undefined for embedded PGlite. */
  url?: string | undefined;
  /** Where embedded PGlite keeps its files; "memory://" keeps nothing. */
  dataDir?: string;
  /** PostgreSQL pool size per instance. */
  poolSize?: number;
  /** An in-memory PGlite starts from this data directory dump (a migrated template). */
  pgliteTemplate?: Blob;
}

// A locked transaction may queue behind others for the lock (and, on a busy
// pool, for a connection): Prisma's defaults (2 s to start, 5 s to run) would
// fail it under a burst of concurrent ingestion requests.
const LOCKED_TRANSACTION = { maxWait: 60_000, timeout: 120_000 };

/**
 * A transaction whose work grows with the customer base (a campaign's audience written as outbox rows, a
 * chain's segment enrolment, a metrics query run without parallel workers): at a million customers it
 * runs for many seconds, which Prisma's default 5 s would abort - and a job would retry, and fail, every round.
 */
export const BACKGROUND_TRANSACTION = { maxWait: 60_000, timeout: 30 * 60_000 };

function lockedTransaction<T>(prisma: PrismaClient, key: number, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1::bigint)", key);
    return fn(tx);
  }, LOCKED_TRANSACTION);
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options.dataDir ?? "./data", options.pgliteTemplate);
}

export class DatabaseInUse extends Error {
  override name = "DatabaseInUse";
}

/**
 * Embedded PostgreSQL belongs to one process: a second one writing the same
 * files would corrupt them. A pid file marks the owner; a stale one (its
 * process is gone, e.g. after a crash) is taken over.
 */
function lockDataDir(dir: string): () => void {
  const file = path.join(dir, "chatloop.pid");
  const owner = fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8").trim()) : undefined;
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new DatabaseInUse(`The embedded database in ${path.dirname(dir)} is in use by process ${owner}. Stop it first (one process per embedded database).`);
  }
  fs.writeFileSync(file, String(process.pid));
  return () => {
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file);
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite runs each statement synchronously on this process's event loop, and the statements
 * queued behind one another resume as promise continuations: a queue of them (ingestion batches,
 * the sender, a report) ran back to back without the loop ever reading a socket - /healthz and
 * new requests waited seconds. Each statement (Prisma's and the driver's) now first lets the loop take a turn.
 */
function yieldingBetweenStatements(pglite: PGlite): PGlite {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return new Proxy(pglite, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "query" || property === "exec" || property === "transaction") {
        return async (...args: unknown[]) => {
          await turn();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  let releaseLock = () => {};
  let pglite: PGlite;
  if (dataDir === "memory://") {
    pglite = new PGlite(template ? { loadDataDir: template } : {});
  } else {
    const dir = path.resolve(dataDir, "pglite");
    fs.mkdirSync(dir, { recursive: true });
    releaseLock = lockDataDir(dir);
    pglite = new PGlite(dir);
  }
  await pglite.waitReady;
  await pglite.exec(`SET work_mem = '${ANALYTIC_WORK_MEM}'`);
  const yielding = yieldingBetweenStatements(pglite);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(yielding) });
  // PGlite is one connection in this process: a lock is only ever contended
  // inside the process, which serializes its own queries anyway.
  return {
    kind: "pglite",
    pglite,
    prisma,
    async execScript(sql) {
      await pglite.exec(sql);
    },
    async execute(sql, params) {
      const result = await yielding.query(sql, params);
      return result.affectedRows ?? 0;
    },
    async query<T>(sql: string, params: unknown[]) {
      return (await yielding.query<T>(sql, params)).rows;
    },
    async withAdvisoryLock(_key, fn) {
      return fn();
    },
    // A PGlite transaction holds the one connection: concurrent ones already
    // run one after the other; the lock costs nothing and keeps one code path.
    lockedTransaction(key, fn) {
      return lockedTransaction(prisma, key, fn);
    },
    // One process owns an embedded database: any other holder is gone.
    async holdSessionLock() {
      return async () => {};
    },
    async isSessionLockHeld() {
      return false;
    },
    async warmUp() {
      await prisma.$queryRawUnsafe("SELECT 1::int AS ok");
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      releaseLock();
    },
  };
}

/**
 * The pool keeps its connections for the life of the process (node-postgres closed an idle one
 * after 10 s). A new connection is a new server process, and a new server process is slow at
 * first: it maps the pages of PostgreSQL's shared buffers into its address space one page fault
 * at a time as it first touches them. On the benchmark host (a PVM virtual machine, no huge
 * pages) that costs 25-30 us per 8 kB buffer: a metrics question reading 40 000 buffers took
 * 350 ms on a new connection and 80 ms on one that had read them before (docs/benchmarks.md,
 * issue 19). With the default timeout every question after 10 s of quiet paid that.
 * allowExitOnIdle: idle connections alone do not keep a script's process alive.
 */
async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: ANALYTIC_SESSION, idleTimeoutMillis: 0, allowExitOnIdle: true });
  // A broken idle connection must not take the process down; the pool replaces it.
  pool.on("error", () => {});
  const probe = await pool.connect();
  probe.release();
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    async execScript(sql) {
      await pool.query(sql);
    },
    async execute(sql, params) {
      const result = await pool.query(sql, params);
      return result.rowCount ?? 0;
    },
    async query<T>(sql: string, params: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async withAdvisoryLock(key, fn, wait = true) {
      // Not a pooled connection: while it waits for the lock (or holds it for
      // the length of fn) the pool stays whole for fn and everybody else.
      const client = new pg.Client({ connectionString: url });
      client.on("error", () => {});
      await client.connect();
      try {
        if (wait) {
          await client.query("SELECT pg_advisory_lock($1)", [key]);
        } else {
          const r = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [key]);
          if (!r.rows[0]?.ok) return undefined;
        }
        try {
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => {});
        }
      } finally {
        await client.end().catch(() => {});
      }
    },
    lockedTransaction(key, fn) {
      return lockedTransaction(prisma, key, fn);
    },
    async holdSessionLock(namespace, id) {
      const client = new pg.Client({ connectionString: url });
      client.on("error", () => {});
      await client.connect();
      await client.query("SELECT pg_advisory_lock($1, $2)", [namespace, id]);
      return async () => {
        await client.query("SELECT pg_advisory_unlock($1, $2)", [namespace, id]).catch(() => {});
        await client.end().catch(() => {});
      };
    },
    async isSessionLockHeld(namespace, id) {
      const client = await pool.connect();
      try {
        const r = await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS got", [namespace, id]);
        if (r.rows[0]?.got) await client.query("SELECT pg_advisory_unlock($1, $2)", [namespace, id]);
        return !r.rows[0]?.got;
      } finally {
        client.release();
      }
    },
    async warmUp() {
      // Every connection of the pool at once: they are held together, so each is a new one.
      const clients = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
      for (const client of clients) client.release();
      await prisma.$queryRawUnsafe("SELECT 1::int AS ok");
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
