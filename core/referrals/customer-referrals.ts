// What one customer's referrals amount to, for /mydata and the data export:
// counts of friends (never their names) and the rewards the customer got.
import type { CoreDeps } from "../deps.ts";

export interface CustomerReferrals {
  /** Friends who opened the customer's link as new people. */
  invited: number;
  /** Of them, those who confirmed the subscription. */
  accepted: number;
  /** Rewards this customer got, as referrer or as an invited friend. */
  rewards: { role: string; code: string | null; at: string }[];
  /** Set when the customer came by someone's invitation. */
  referred: boolean;
}

export async function customerReferrals(deps: CoreDeps, subscriberId: number): Promise<CustomerReferrals> {
  const [counts] = await deps.db.prisma.$queryRawUnsafe<{ invited: number; accepted: number; referred: boolean }[]>(
    `SELECT count(*)::int AS invited, count(accepted_at)::int AS accepted,
            EXISTS (SELECT 1 FROM referral WHERE friend_id = $1) AS referred
       FROM referral WHERE referrer_id = $1`,
    subscriberId,
  );
  const rewards = await deps.db.prisma.referralReward.findMany({ where: { subscriberId, status: "given" }, orderBy: { at: "asc" } });
  return {
    invited: counts?.invited ?? 0,
    accepted: counts?.accepted ?? 0,
    referred: counts?.referred ?? false,
    rewards: rewards.map((r) => ({ role: r.role, code: r.code, at: r.at.toISOString() })),
  };
}
