// The promo codes the team imports: each one is handed out once, also when
// several rewards are given at the same moment on several instances (a code
// row is taken with FOR UPDATE SKIP LOCKED, so two takers never get the same one).
import type { CoreDeps } from "../deps.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

type Db = CoreDeps["db"]["prisma"] | Prisma.TransactionClient;

/** The next free code of the pool, now given to the subscriber; undefined when the pool is empty. */
export async function takePromoCode(db: Db, input: { pool: string; subscriberId: number; at: Date }): Promise<string | undefined> {
  const rows = await db.$queryRawUnsafe<{ code: string }[]>(
    `UPDATE promo_code SET given_to = $2, given_at = $3
      WHERE code = (SELECT code FROM promo_code WHERE pool = $1 AND given_at IS NULL ORDER BY imported_at, code LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING code`,
    input.pool,
    input.subscriberId,
    input.at,
  );
  return rows[0]?.code;
}

export interface PromoPoolSize {
  pool: string;
  total: number;
  left: number;
}

export async function promoPools(deps: CoreDeps): Promise<PromoPoolSize[]> {
  return deps.db.prisma.$queryRawUnsafe<PromoPoolSize[]>(
    `SELECT pool, count(*)::int AS total, count(*) FILTER (WHERE given_at IS NULL)::int AS left FROM promo_code GROUP BY pool ORDER BY pool`,
  );
}
