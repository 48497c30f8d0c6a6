// The referral figures of a period (docs/referrals.md has the definitions):
// how many new subscribers came by invitation, what referred customers buy,
// invitations opened and accepted, the K-factor and the top referrers. Every
// figure is one SQL aggregate; erased people stay in the counts (anonymous).
import type { CoreDeps } from "../deps.ts";
import { SqlParams } from "../db/sql-params.ts";
import type { Period } from "./period.ts";

export interface ReferralFigures {
  period: Period;
  /** Confirmed subscriptions in the period (the "New subscribers" key figure). */
  newSubscribers: number;
  /** Of them, friends who came by an invitation (accepted in the period). */
  referredSubscribers: number;
  /** referredSubscribers / newSubscribers; null when nobody subscribed. */
  referralShare: number | null;
  /** Invitation links opened by people new to us in the period. */
  invitationsOpened: number;
  /** Invitations accepted (the friend confirmed) in the period. */
  invitationsAccepted: number;
  /** Paid orders of referred customers in the period, summed. */
  referredRevenue: number;
  /** Referred friends (accepted by the end of the period) with a paid order by then, over all of them. */
  referredConversion: number | null;
  referredCustomers: number;
  /** Referrers whose invitations were accepted in the period. */
  referrers: number;
  /** New subscribers by invitation per referrer: invitationsAccepted / referrers. */
  kFactor: number | null;
  /** The five who brought most friends in the period: first name and initial only. */
  topReferrers: { name: string; friends: number }[];
}

export async function referralFigures(deps: CoreDeps, options: { period: Period }): Promise<ReferralFigures> {
  const p = new SqlParams();
  const from = p.add(options.period.from, "timestamptz");
  const to = p.add(options.period.to, "timestamptz");
  const [row] = await deps.db.prisma.$queryRawUnsafe<
    {
      new_subscribers: number;
      opened: number;
      accepted: number;
      referrers: number;
      revenue: number;
      referred: number;
      converted: number;
    }[]
  >(
    `SELECT
       (SELECT count(DISTINCT c.subscriber_id) FROM consent_record c WHERE c.status = 'subscribed' AND c.at >= ${from} AND c.at < ${to})::int AS new_subscribers,
       (SELECT count(*) FROM referral r WHERE r.opened_at >= ${from} AND r.opened_at < ${to})::int AS opened,
       (SELECT count(*) FROM referral r WHERE r.accepted_at >= ${from} AND r.accepted_at < ${to})::int AS accepted,
       (SELECT count(DISTINCT r.referrer_id) FROM referral r WHERE r.accepted_at >= ${from} AND r.accepted_at < ${to})::int AS referrers,
       (SELECT coalesce(sum(o.amount), 0) FROM "order" o JOIN referral r ON r.friend_id = o.subscriber_id
         WHERE o.status = 'paid' AND o.paid_at >= ${from} AND o.paid_at < ${to})::float8 AS revenue,
       (SELECT count(*) FROM referral r WHERE r.accepted_at < ${to})::int AS referred,
       (SELECT count(*) FROM referral r WHERE r.accepted_at < ${to}
           AND EXISTS (SELECT 1 FROM "order" o WHERE o.subscriber_id = r.friend_id AND o.status = 'paid' AND o.paid_at < ${to}))::int AS converted`,
    ...p.values,
  );
  const top = await deps.db.prisma.$queryRawUnsafe<{ first_name: string | null; last_name: string | null; friends: number }[]>(
    `SELECT s.first_name, s.last_name, count(*)::int AS friends
       FROM referral r JOIN subscriber s ON s.id = r.referrer_id
      WHERE r.accepted_at >= ${from} AND r.accepted_at < ${to}
      GROUP BY s.id, s.first_name, s.last_name
      ORDER BY friends DESC, s.id LIMIT 5`,
    ...p.values,
  );
  const r = row!;
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return {
    period: options.period,
    newSubscribers: r.new_subscribers,
    referredSubscribers: r.accepted,
    referralShare: ratio(r.accepted, r.new_subscribers),
    invitationsOpened: r.opened,
    invitationsAccepted: r.accepted,
    referredRevenue: r.revenue,
    referredConversion: ratio(r.converted, r.referred),
    referredCustomers: r.referred,
    referrers: r.referrers,
    kFactor: ratio(r.accepted, r.referrers),
    topReferrers: top.map((t) => ({ name: shortName(t.first_name, t.last_name), friends: t.friends })),
  };
}

/** "Ann L." - enough for the team to recognise a customer, no more; "—" for an erased one. */
export function shortName(first: string | null, last: string | null): string {
  if (!first && !last) return "—";
  return [first, last ? `${Array.from(last)[0] ?? ""}.` : null].filter(Boolean).join(" ");
}
