// A heavy read-only statement run with PostgreSQL's JIT compilation off.
//
// PostgreSQL compiles a statement whose estimated cost is over jit_above_cost (100 000 by default)
// to machine code with LLVM before running it. For the segment report at 1M customers that took
// 0.49 s of a 1.9 s statement (342 functions for its grouping sets), more than it ever saves on a
// pass of a second; a new connection also loads the LLVM library first. `SET LOCAL` keeps the
// setting to this statement's transaction: the pooled connection is left as it was.
// PGlite has no JIT: the statement runs as it is.
import type { Database } from "./database.ts";

export async function queryWithoutJit<T>(db: Database, sql: string, ...params: unknown[]): Promise<T[]> {
  if (db.kind !== "postgres") return db.prisma.$queryRawUnsafe<T[]>(sql, ...params);
  const [, rows] = await db.prisma.$transaction([db.prisma.$executeRawUnsafe("SET LOCAL jit = off"), db.prisma.$queryRawUnsafe<T[]>(sql, ...params)]);
  return rows;
}
