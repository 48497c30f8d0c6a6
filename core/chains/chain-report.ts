// What a chain does for the business, as the team sees it in /chains, App
// Home and the digest. Set-based: one query per figure family over every chain.
//
// Definitions (docs/chains.md):
// - in it now: active enrolments;
// - entered / finished / exited by purchase: enrolments whose entry, completion
//   or purchase exit fell in the window (7 or 30 days up to now);
// - converted: treated entrants of the window who paid an order after entering
//   and at most the attribution window after leaving (or while still in it);
//   attributed revenue: those orders' amounts, per currency;
// - lift (chains with a holdout): conversion of treated entrants minus that of
//   the holdout, both over the 30-day entrants (intention to treat).
import type { CoreDeps } from "../deps.ts";
import type { ChainDefinition } from "./chain-definition.ts";
import { pausedChains, type PauseMode } from "./chain-state.ts";
import { convertingOrder } from "./chain-conversion.ts";

export interface WindowFigures {
  entered: number;
  finished: number;
  exitedByPurchase: number;
  converted: number;
  /** Attributed revenue per currency. */
  revenue: { currency: string; amount: number }[];
}

export interface ChainSummary {
  chain: ChainDefinition;
  paused: PauseMode | null;
  inNow: number;
  last7: WindowFigures;
  last30: WindowFigures;
  /** Present when the chain keeps a holdout and both groups had entrants in the last 30 days. */
  lift: { treated: number; treatedConverted: number; holdout: number; holdoutConverted: number; points: number } | null;
}

const DAY = 86_400_000;

interface WindowRow {
  chain_id: string;
  days: number;
  entered: number;
  finished: number;
  exited_purchase: number;
  converted: number;
  treated: number;
  held: number;
  held_converted: number;
}

/** Every chain's figures, in the order of the chain files. */
export async function chainSummaries(deps: CoreDeps, chains: ChainDefinition[]): Promise<ChainSummary[]> {
  if (chains.length === 0) return [];
  const now = deps.clock.now();
  const ids = chains.map((c) => c.id);
  const attribution = deps.policy.attributionDays;
  const [paused, inNow, windows, revenue] = await Promise.all([
    pausedChains(deps),
    deps.db.prisma.$queryRawUnsafe<{ chain_id: string; n: number }[]>(
      `SELECT chain_id, count(*)::int AS n FROM chain_enrollment WHERE status = 'active' AND chain_id = ANY($1::text[]) GROUP BY chain_id`,
      ids,
    ),
    deps.db.prisma.$queryRawUnsafe<WindowRow[]>(
      `WITH w(days) AS (VALUES (7), (30)),
       conv AS (
         SELECT ce.id, EXISTS (
                  SELECT 1 FROM "order" o
                   WHERE ${convertingOrder("$2::timestamptz", "$3")}) AS converted
           FROM chain_enrollment ce
          WHERE ce.chain_id = ANY($1::text[]) AND ce.entered_at > $2::timestamptz - interval '30 days')
       SELECT ce.chain_id, w.days,
              count(*) FILTER (WHERE ce.entered_at > $2::timestamptz - w.days * interval '1 day')::int AS entered,
              count(*) FILTER (WHERE ce.status = 'completed' AND ce.finished_at > $2::timestamptz - w.days * interval '1 day')::int AS finished,
              count(*) FILTER (WHERE ce.exit_reason = 'order_paid' AND ce.finished_at > $2::timestamptz - w.days * interval '1 day')::int AS exited_purchase,
              count(*) FILTER (WHERE NOT ce.holdout AND c.converted AND ce.entered_at > $2::timestamptz - w.days * interval '1 day')::int AS converted,
              count(*) FILTER (WHERE NOT ce.holdout AND ce.entered_at > $2::timestamptz - w.days * interval '1 day')::int AS treated,
              count(*) FILTER (WHERE ce.holdout AND ce.entered_at > $2::timestamptz - w.days * interval '1 day')::int AS held,
              count(*) FILTER (WHERE ce.holdout AND c.converted AND ce.entered_at > $2::timestamptz - w.days * interval '1 day')::int AS held_converted
         FROM chain_enrollment ce CROSS JOIN w
         LEFT JOIN conv c ON c.id = ce.id
        WHERE ce.chain_id = ANY($1::text[])
          AND (ce.entered_at > $2::timestamptz - interval '30 days' OR ce.finished_at > $2::timestamptz - interval '30 days')
        GROUP BY ce.chain_id, w.days`,
      ids,
      now,
      attribution,
    ),
    deps.db.prisma.$queryRawUnsafe<{ chain_id: string; days: number; currency: string; amount: string }[]>(
      `WITH w(days) AS (VALUES (7), (30))
       SELECT ce.chain_id, w.days, o.currency, sum(o.amount)::text AS amount
         FROM chain_enrollment ce CROSS JOIN w
         JOIN "order" o ON ${convertingOrder("$2::timestamptz", "$3")}
        WHERE ce.chain_id = ANY($1::text[]) AND NOT ce.holdout AND ce.entered_at > $2::timestamptz - w.days * interval '1 day'
        GROUP BY ce.chain_id, w.days, o.currency
        ORDER BY o.currency`,
      ids,
      now,
      attribution,
    ),
  ]);
  const nowCount = new Map(inNow.map((r) => [r.chain_id, r.n]));
  const windowOf = (chainId: string, days: number): WindowFigures & { row: WindowRow | undefined } => {
    const row = windows.find((r) => r.chain_id === chainId && Number(r.days) === days);
    return {
      entered: row?.entered ?? 0,
      finished: row?.finished ?? 0,
      exitedByPurchase: row?.exited_purchase ?? 0,
      converted: row?.converted ?? 0,
      revenue: revenue.filter((r) => r.chain_id === chainId && Number(r.days) === days).map((r) => ({ currency: r.currency, amount: Number(r.amount) })),
      row,
    };
  };
  return chains.map((chain) => {
    const { row: row30, ...last30 } = windowOf(chain.id, 30);
    const { row: _row7, ...last7 } = windowOf(chain.id, 7);
    const lift =
      chain.holdout > 0 && row30 && row30.treated > 0 && row30.held > 0
        ? {
            treated: row30.treated,
            treatedConverted: row30.converted,
            holdout: row30.held,
            holdoutConverted: row30.held_converted,
            points: round1((row30.converted / row30.treated - row30.held_converted / row30.held) * 100),
          }
        : null;
    return { chain, paused: paused.get(chain.id) ?? null, inNow: nowCount.get(chain.id) ?? 0, last7, last30, lift };
  });
}

export interface StepFigures {
  index: number;
  step: ChainDefinition["steps"][number];
  sent: number;
  clicked: number;
  converted: number;
  /** Sent at this step as a share of the previous sending step's sent (null for the first). */
  keptFromPrevious: number | null;
}

export interface ChainDetail {
  summary: ChainSummary;
  steps: StepFigures[];
  /** Exits in the last 30 days by reason (order_paid, unreachable, event:..., stale_after_pause...). */
  exits: { reason: string; count: number }[];
  /** The latest failed sends: when, which step, why. */
  errors: { at: Date; step: number | null; reason: string }[];
}

export async function chainDetail(deps: CoreDeps, chains: ChainDefinition[], chainId: string): Promise<ChainDetail | undefined> {
  const chain = chains.find((c) => c.id === chainId);
  if (!chain) return undefined;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - 30 * DAY);
  const [summaries, perStep, exits, errors] = await Promise.all([
    chainSummaries(deps, [chain]),
    deps.db.prisma.$queryRawUnsafe<{ step: number; sent: number; clicked: number; converted: number }[]>(
      `SELECT d.chain_step AS step,
              count(*) FILTER (WHERE d.status = 'sent')::int AS sent,
              count(*) FILTER (WHERE d.status = 'sent' AND EXISTS (SELECT 1 FROM click k WHERE k.delivery_id = d.id))::int AS clicked,
              count(*) FILTER (WHERE d.status = 'sent' AND EXISTS (
                SELECT 1 FROM "order" o WHERE o.subscriber_id = d.subscriber_id AND o.status = 'paid'
                   AND o.paid_at > d.sent_at AND o.paid_at <= d.sent_at + ($3::int * interval '1 day')))::int AS converted
         FROM delivery d JOIN chain_enrollment ce ON ce.id = d.chain_enrollment_id
        WHERE ce.chain_id = $1 AND d.chain_step IS NOT NULL AND d.created_at > $2
        GROUP BY d.chain_step`,
      chain.id,
      since,
      deps.policy.attributionDays,
    ),
    deps.db.prisma.$queryRawUnsafe<{ reason: string; count: number }[]>(
      `SELECT coalesce(exit_reason, status::text) AS reason, count(*)::int AS count FROM chain_enrollment
        WHERE chain_id = $1 AND status <> 'active' AND finished_at > $2
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      chain.id,
      since,
    ),
    deps.db.prisma.$queryRawUnsafe<{ at: Date; step: number | null; reason: string | null }[]>(
      `SELECT coalesce(d.sent_at, d.claimed_at, d.created_at) AS at, d.chain_step AS step, d.reason
         FROM delivery d JOIN chain_enrollment ce ON ce.id = d.chain_enrollment_id
        WHERE ce.chain_id = $1 AND d.status = 'failed'
        ORDER BY d.id DESC LIMIT 5`,
      chain.id,
    ),
  ]);
  let previousSent: number | null = null;
  const steps: StepFigures[] = chain.steps.map((step, index) => {
    const row = perStep.find((r) => r.step === index);
    const sending = "send" in step || "survey" in step || "flow" in step;
    const sent = row?.sent ?? 0;
    const keptFromPrevious = sending && previousSent !== null ? (previousSent > 0 ? round1((sent / previousSent) * 100) : null) : null;
    if (sending) previousSent = sent;
    return { index, step, sent, clicked: row?.clicked ?? 0, converted: row?.converted ?? 0, keptFromPrevious };
  });
  return {
    summary: summaries[0]!,
    steps,
    exits,
    errors: errors.map((e) => ({ at: new Date(e.at), step: e.step, reason: e.reason ?? "unknown" })),
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
