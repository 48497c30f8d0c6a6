// The metrics' own queries run without PostgreSQL's parallel workers. A /metrics question
// already runs four queries at once (two periods' figures and acquisition), on a host of a
// few cores; and a parallel worker is a new server process on every query, which first maps
// the shared buffers it reads one page fault at a time (core/db/database.ts, openPostgres):
// measured at 1M customers, each of the four was as fast or faster alone without workers and
// the whole question faster by 0.3-1 s (docs/benchmarks.md, issue 19).
import { BACKGROUND_TRANSACTION, type Database } from "../db/database.ts";

export async function serialQuery<T>(db: Database, sql: string, params: unknown[]): Promise<T[]> {
  if (db.kind !== "postgres") return db.prisma.$queryRawUnsafe<T[]>(sql, ...params);
  // Its own limits: Prisma's defaults (2 s to get a connection, 5 s to run) would fail a slow figure on a busy host.
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL max_parallel_workers_per_gather = 0");
    return tx.$queryRawUnsafe<T[]>(sql, ...params);
  }, BACKGROUND_TRANSACTION);
}
