// The chains' week for the digest: what each chain did in the period against
// the period before, and the one chain the team should look at (pause it, or
// fix it): its conversion fell sharply, or unsubscribes during it rose.
// Definitions as in chain-report.ts: entrants of the period, converted = paid
// after entering within the attribution window after leaving; unsubscribed =
// taken out because they unsubscribed or blocked the bot while in it.
import type { CoreDeps } from "../deps.ts";
import type { Period } from "../metrics/period.ts";
import type { ChainDefinition } from "./chain-definition.ts";
import { pausedChains } from "./chain-state.ts";
import { convertingOrder } from "./chain-conversion.ts";

export interface ChainPeriodFigures {
  entered: number;
  converted: number;
  unsubscribed: number;
  revenue: { currency: string; amount: number }[];
}

export interface DigestChain {
  id: string;
  name: string;
  paused: boolean;
  now: ChainPeriodFigures;
  previous: ChainPeriodFigures;
}

export interface ChainAdvice {
  chainId: string;
  name: string;
  reason: "conversion_fell" | "unsubscribes_rose";
  /** Conversion rates (0-1) or unsubscribe counts, now and before. */
  now: number;
  before: number;
}

/** Entrants in both periods needed before a fall in conversion counts. */
export const ADVICE_MIN_ENTRANTS = 20;
/** Conversion at most this share of the period before's: "fell". */
export const ADVICE_CONVERSION_DROP = 0.5;
/** Unsubscribes during the chain: at least this many, and at least twice the period before's. */
export const ADVICE_MIN_UNSUBSCRIBES = 3;

export async function chainWeek(deps: CoreDeps, chains: ChainDefinition[], period: Period, before: Period): Promise<{ chains: DigestChain[]; advice: ChainAdvice | null }> {
  const active = chains.filter((c) => c.enabled);
  if (active.length === 0) return { chains: [], advice: null };
  const ids = active.map((c) => c.id);
  const [paused, counts, revenue] = await Promise.all([
    pausedChains(deps),
    deps.db.prisma.$queryRawUnsafe<{ chain_id: string; which: string; entered: number; converted: number; unsubscribed: number }[]>(
      `WITH p(which, from_at, to_at) AS (VALUES ('now', $2::timestamptz, $3::timestamptz), ('before', $4::timestamptz, $5::timestamptz))
       SELECT ce.chain_id, p.which,
              count(*) FILTER (WHERE ce.entered_at >= p.from_at AND ce.entered_at < p.to_at)::int AS entered,
              count(*) FILTER (WHERE ce.entered_at >= p.from_at AND ce.entered_at < p.to_at AND NOT ce.holdout AND EXISTS (
                SELECT 1 FROM "order" o WHERE ${convertingOrder("p.to_at", "$6")}))::int AS converted,
              count(*) FILTER (WHERE ce.exit_reason = 'unreachable' AND ce.finished_at >= p.from_at AND ce.finished_at < p.to_at)::int AS unsubscribed
         FROM chain_enrollment ce CROSS JOIN p
        WHERE ce.chain_id = ANY($1::text[]) AND (ce.entered_at >= $4::timestamptz OR ce.finished_at >= $4::timestamptz)
        GROUP BY ce.chain_id, p.which`,
      ids,
      period.from,
      period.to,
      before.from,
      before.to,
      deps.policy.attributionDays,
    ),
    deps.db.prisma.$queryRawUnsafe<{ chain_id: string; currency: string; amount: string }[]>(
      `SELECT ce.chain_id, o.currency, sum(o.amount)::text AS amount
         FROM chain_enrollment ce
         JOIN "order" o ON ${convertingOrder("$3::timestamptz", "$4")}
        WHERE ce.chain_id = ANY($1::text[]) AND NOT ce.holdout AND ce.entered_at >= $2::timestamptz AND ce.entered_at < $3::timestamptz
        GROUP BY ce.chain_id, o.currency ORDER BY o.currency`,
      ids,
      period.from,
      period.to,
      deps.policy.attributionDays,
    ),
  ]);
  const figures = (id: string, which: "now" | "before"): ChainPeriodFigures => {
    const row = counts.find((r) => r.chain_id === id && r.which === which);
    return {
      entered: row?.entered ?? 0,
      converted: row?.converted ?? 0,
      unsubscribed: row?.unsubscribed ?? 0,
      revenue: which === "now" ? revenue.filter((r) => r.chain_id === id).map((r) => ({ currency: r.currency, amount: Number(r.amount) })) : [],
    };
  };
  const rows = active.map((c) => ({ id: c.id, name: c.name, paused: paused.has(c.id), now: figures(c.id, "now"), previous: figures(c.id, "before") }));
  return { chains: rows, advice: adviceOf(rows) };
}

/** The chain most in need of a look, unsubscribes first (they erode the base). */
export function adviceOf(rows: DigestChain[]): ChainAdvice | null {
  const live = rows.filter((r) => !r.paused);
  const unsubscribes = live
    .filter((r) => r.now.unsubscribed >= ADVICE_MIN_UNSUBSCRIBES && r.now.unsubscribed >= 2 * r.previous.unsubscribed)
    .sort((a, b) => b.now.unsubscribed - a.now.unsubscribed)[0];
  if (unsubscribes) return { chainId: unsubscribes.id, name: unsubscribes.name, reason: "unsubscribes_rose", now: unsubscribes.now.unsubscribed, before: unsubscribes.previous.unsubscribed };
  const rate = (f: ChainPeriodFigures) => (f.entered ? f.converted / f.entered : 0);
  const fell = live
    .filter((r) => r.now.entered >= ADVICE_MIN_ENTRANTS && r.previous.entered >= ADVICE_MIN_ENTRANTS && rate(r.previous) > 0 && rate(r.now) <= ADVICE_CONVERSION_DROP * rate(r.previous))
    .sort((a, b) => rate(a.now) / rate(a.previous) - rate(b.now) / rate(b.previous))[0];
  if (fell) return { chainId: fell.id, name: fell.name, reason: "conversion_fell", now: rate(fell.now), before: rate(fell.previous) };
  return null;
}
