// What a referral earns, given once per friend and role: the referrer's
// thank-you (within the monthly cap) and the friend's welcome. The claim, the
// cap and the promo code are settled in one transaction; a referrer who cannot
// be messaged (no consent, blocked) is not sent anything and no code is spent.
import type { CoreDeps } from "../deps.ts";
import type { OutgoingMessage } from "../ports.ts";
import { localize } from "../dialogues/localized-text.ts";
import { reachability, sendMessages } from "../dialogues/send-messages.ts";
import { wallClock, zonedInstant } from "../time/zoned.ts";
import { writeAudit } from "../audit/audit-log.ts";
import { takePromoCode } from "./promo-pool.ts";
import { rewardText, type ReferralProgram } from "./referral-program.ts";

export type RewardRole = "referrer" | "friend";

// Rewards settled at the same moment queue for the pool's connections and the
// referrer's row lock: Prisma's defaults (2 s to start, 5 s to run) would fail a burst.
const REWARD_TRANSACTION = { maxWait: 30_000, timeout: 60_000 };
/** given | capped (the referrer's monthly cap was reached) | no_consent (cannot be messaged) | pool_empty */
export type RewardStatus = "given" | "capped" | "no_consent" | "pool_empty";

/**
 * Settles the reward; the referrer's is sent to them here, the friend's is
 * returned (the bot sends it after the confirmation). Undefined when nothing
 * is to be sent (already settled, not earned, nothing configured).
 */
export async function giveReward(deps: CoreDeps, input: { program: ReferralProgram; friendId: number; role: RewardRole }): Promise<OutgoingMessage | undefined> {
  const reward = input.program[input.role];
  if (!reward) return undefined;
  const referral = await deps.db.prisma.referral.findUnique({ where: { friendId: input.friendId } });
  if (!referral) return undefined;
  const to = await deps.db.prisma.subscriber.findUniqueOrThrow({ where: { id: input.role === "referrer" ? referral.referrerId : referral.friendId } });
  const now = deps.clock.now();
  const settled = await deps.db.prisma.$transaction(async (tx) => {
    const claimed = await tx.$executeRawUnsafe(
      `INSERT INTO referral_reward (friend_id, subscriber_id, role, status, at) VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT (friend_id, role) DO NOTHING`,
      input.friendId,
      to.id,
      input.role,
      now,
    );
    if (claimed === 0) return undefined;
    let status: RewardStatus = "given";
    let code: string | undefined;
    if (reachability(to)) status = "no_consent";
    else if (input.role === "referrer") {
      // One reward decision per referrer at a time: the cap holds under concurrent friends.
      await tx.$queryRawUnsafe(`SELECT id FROM subscriber WHERE id = $1 FOR UPDATE`, to.id);
      const [{ n } = { n: 0 }] = await tx.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM referral_reward WHERE subscriber_id = $1 AND role = 'referrer' AND status = 'given' AND at >= $2`,
        to.id,
        monthStart(now, deps.teamTimezone),
      );
      if (n >= input.program.monthlyCap) status = "capped";
    }
    if (status === "given" && reward.pool) {
      code = await takePromoCode(tx, { pool: reward.pool, subscriberId: to.id, at: now });
      if (!code) status = "pool_empty";
    }
    await tx.$executeRawUnsafe(`UPDATE referral_reward SET status = $3, code = $4 WHERE friend_id = $1 AND role = $2`, input.friendId, input.role, status, code ?? null);
    await writeAudit(deps, { actor: "system", action: "referral.reward", target: `subscriber:${to.id}`, details: { friendId: input.friendId, role: input.role, status, code: code ?? null } }, tx);
    return { status, code };
  }, REWARD_TRANSACTION);
  if (!settled) return undefined;
  if (settled.status === "pool_empty") deps.logger.warn({ pool: reward.pool, subscriberId: to.id }, "promo code pool is empty: referral reward not given");
  if (settled.status !== "given") return undefined;
  const t = (key: string) => deps.translator.t(to.language, key);
  const text = `${t(input.role === "referrer" ? "referral-thanks" : "referral-welcome")}\n${rewardText(reward.text, to.language, settled.code ?? null, localize)}`;
  if (input.role === "friend") return { text };
  await sendMessages(deps, to, [{ text }]);
  return undefined;
}

function monthStart(now: Date, timezone: string): Date {
  const w = wallClock(now, timezone);
  return zonedInstant({ year: w.year, month: w.month, day: 1, hour: 0, minute: 0 }, timezone);
}
