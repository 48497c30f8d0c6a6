// The store's currency for money figures of a period without orders, for
// spend and CAC: the currency of the latest paid order (one indexed row).
import type { CoreDeps } from "../deps.ts";

/** The currency of the latest paid order: the store's, for a period without orders. */
export async function latestCurrency(deps: CoreDeps): Promise<string | null> {
  const rows = await deps.db.prisma.$queryRawUnsafe<{ currency: string }[]>(
    `SELECT currency FROM "order" WHERE status = 'paid' ORDER BY paid_at DESC LIMIT 1`,
  );
  return rows[0]?.currency ?? null;
}
