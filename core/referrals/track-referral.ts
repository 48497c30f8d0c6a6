// A friend's way from the link to the credit. First touch wins: only someone
// new to us when they open the link is linked to the referrer (a person
// already known, the referrer themself, a second link for the same friend, a
// blocked or erased referrer do not count), and a friend is credited once, on
// their first confirmed consent - unsubscribing and coming back earns nothing again.
import type { CoreDeps } from "../deps.ts";
import type { OutgoingMessage } from "../ports.ts";
import { alertTeam } from "../team-threads/alert-team.ts";
import { customerCardOf } from "../team-threads/customer-card.ts";
import { writeAudit } from "../audit/audit-log.ts";
import { giveReward } from "./referral-rewards.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";

export const REFERRAL_SOURCE = "referral";

/**
 * The new person came by a referral link: link them to its owner and credit
 * the acquisition to "referral". False when the code counts for nothing.
 */
export async function openReferral(deps: CoreDeps, input: { friend: Subscriber; code: string }): Promise<boolean> {
  const referrer = await deps.db.prisma.subscriber.findUnique({ where: { referralCode: input.code } });
  if (!referrer || referrer.id === input.friend.id || referrer.erasedAt || referrer.blockedAt) {
    deps.logger.info({ friendId: input.friend.id, referrerId: referrer?.id }, "referral link does not count");
    return false;
  }
  const linked = await deps.db.prisma.$executeRawUnsafe(
    `INSERT INTO referral (friend_id, referrer_id, opened_at) VALUES ($1, $2, $3) ON CONFLICT (friend_id) DO NOTHING`,
    input.friend.id,
    referrer.id,
    deps.clock.now(),
  );
  if (linked === 0) return false;
  await deps.db.prisma.subscriber.update({ where: { id: input.friend.id }, data: { source: REFERRAL_SOURCE } });
  return true;
}

/**
 * The friend confirmed consent and the invitation was accepted (once, in the
 * same statement as the consent: telegram-subscription.ts). Returns what the
 * friend gets in their own chat (the welcome reward), for the bot to send
 * after the confirmation.
 */
export async function referralAccepted(deps: CoreDeps, input: { friendId: number; referrerId: number }): Promise<OutgoingMessage[]> {
  const { friendId, referrerId } = input;
  const program = deps.dialogues.referrals;
  await writeAudit(deps, { actor: "system", action: "referral.accepted", target: `subscriber:${referrerId}`, details: { friendId } });
  if (!program) return [];
  if (program.rewardOn === "consent") await giveReward(deps, { program, friendId, role: "referrer" });
  await announceMilestone(deps, referrerId, program.milestones);
  const welcome = await giveReward(deps, { program, friendId, role: "friend" });
  return welcome ? [welcome] : [];
}

/**
 * rewardOn: first_order - referrers whose accepted friends have paid an order
 * and who were not rewarded for them yet (after every order ingestion).
 */
export async function rewardFirstOrders(deps: CoreDeps): Promise<number> {
  const program = deps.dialogues.referrals;
  if (program?.rewardOn !== "first_order" || !program.referrer) return 0;
  const due = await deps.db.prisma.$queryRawUnsafe<{ friend_id: number }[]>(
    `SELECT r.friend_id FROM referral r
      WHERE r.accepted_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM referral_reward w WHERE w.friend_id = r.friend_id AND w.role = 'referrer')
        AND EXISTS (SELECT 1 FROM "order" o WHERE o.subscriber_id = r.friend_id AND o.status = 'paid')
      ORDER BY r.accepted_at LIMIT 1000`,
  );
  for (const { friend_id } of due) await giveReward(deps, { program, friendId: friend_id, role: "referrer" });
  return due.length;
}

/** The team hears when a customer's accepted friends reach a milestone (5, 10...), to thank them personally. */
async function announceMilestone(deps: CoreDeps, referrerId: number, milestones: number[]): Promise<void> {
  const [{ n } = { n: 0 }] = await deps.db.prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM referral WHERE referrer_id = $1 AND accepted_at IS NOT NULL`,
    referrerId,
  );
  if (!milestones.includes(n)) return;
  const referrer = await deps.db.prisma.subscriber.findUniqueOrThrow({ where: { id: referrerId } });
  if (referrer.erasedAt) return;
  await alertTeam(deps, { alert: { kind: "referral_milestone", customer: customerCardOf(referrer), friends: n }, subscriberId: referrerId, topic: "referral_milestone" });
}
