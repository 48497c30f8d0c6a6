// Promo codes from a CSV (npm run import -- promo-codes.csv): a "promo_code"
// column and an optional "pool" (default "referral"). A code already imported
// is a duplicate and keeps its state (given or not): importing twice gives nothing twice.
import { z } from "zod";
import type { CoreDeps } from "../deps.ts";
import { summarize, validateItems, rawKey, type IngestSummary, type ItemResult } from "../events/ingest-result.ts";

export const promoCodeRowSchema = z.object({
  promo_code: z.string().trim().regex(/^[A-Za-z0-9_-]{3,64}$/, { message: "expected 3-64 letters A-Z, digits, _ or -" }),
  pool: z.string().trim().regex(/^[a-z0-9_-]{1,32}$/, { message: "expected a pool name of 1-32 of a-z, 0-9, _ and -" }).default("referral"),
});

export async function importPromoCodes(deps: CoreDeps, records: Record<string, string>[]): Promise<IngestSummary> {
  const items = records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== "")));
  const { valid, invalid } = validateItems(items, promoCodeRowSchema, rawKey("promo_code"));
  // The same code twice in one file counts once.
  const firsts = valid.filter((v, i) => valid.findIndex((w) => w.item.promo_code === v.item.promo_code) === i);
  const stored = await deps.db.prisma.$queryRawUnsafe<{ code: string }[]>(
    `INSERT INTO promo_code (code, pool, imported_at)
     SELECT c, p, $3 FROM unnest($1::text[], $2::text[]) AS t(c, p)
     ON CONFLICT (code) DO NOTHING RETURNING code`,
    firsts.map((v) => v.item.promo_code),
    firsts.map((v) => v.item.pool),
    deps.clock.now(),
  );
  const new_ = new Set(stored.map((r) => r.code));
  const results: ItemResult[] = [
    ...invalid,
    ...valid.map((v) => {
      const isNew = new_.delete(v.item.promo_code);
      return { index: v.index, status: isNew ? ("stored" as const) : ("duplicate" as const), key: v.item.promo_code };
    }),
  ];
  return summarize(results);
}
