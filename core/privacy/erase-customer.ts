// The right to be forgotten. Personal data goes: names, username, contacts,
// profile fields, tags, the Telegram id, free-text answers and comments,
// conversation texts, personal keys of event properties, and free text in
// event properties and order item names ("Call Zelda after 5", "Zelda custom
// engraving": SQL function erase_free_text). What stays is anonymous and
// keeps the numbers honest: the row itself (so last month's revenue, NPS and
// cohorts do not change), order amounts, dates and product ids, scores
// without comments, referral links between rows (who brought how many, with
// no name: the invitation link itself goes), and the consent history - the record that the person
// agreed and then withdrew, which we must be able to show.
import type { CoreDeps } from "../deps.ts";
import { writeAudit } from "../audit/audit-log.ts";

/** Keys of event properties that can identify a person. */
const PERSONAL_KEYS = ["email", "phone", "name", "first_name", "last_name", "full_name", "address", "comment", "text", "message", "ip", "user_agent"];

export interface EraseResult {
  subscriberId: number;
  /** Erased before this call (a second press, a second admin): nothing was done again. */
  alreadyErased: boolean;
  erasedAt: Date;
  erased: string[];
  kept: string[];
}

/**
 * The customer's cards in the team channel lose their name, contacts and
 * answers, and what we posted of their messages in the threads goes too
 * (teammates' own replies are theirs: Slack lets only the author edit them).
 */
async function blankTeamCards(deps: CoreDeps, subscriberId: number): Promise<void> {
  const threads = await deps.db.prisma.teamThread.findMany({
    where: { subscriberId },
    include: { messages: { where: { direction: "from_customer", slackTs: { not: null } } } },
  });
  const refs = threads.flatMap((thread) => [
    { channel: thread.slackChannel, ts: thread.slackTs },
    ...thread.messages.map((m) => ({ channel: thread.slackChannel, ts: m.slackTs! })),
  ]);
  for (const ref of refs) {
    try {
      await deps.notifier.updateAlert(ref, { kind: "erased", subscriberId });
    } catch (err) {
      deps.logger.error({ err, channel: ref.channel, ts: ref.ts }, "a Slack message about an erased customer could not be blanked; remove it in Slack");
    }
  }
}

export async function eraseCustomer(deps: CoreDeps, input: { subscriberId: number; actor: string; reason: "customer_request" | "team_request" }): Promise<EraseResult> {
  const now = deps.clock.now();
  const id = input.subscriberId;
  const erasedNow = await deps.db.prisma.$transaction(async (tx) => {
    // Once: a second call finds erased_at set and changes nothing (no second consent record or audit entry).
    const changed = await tx.$executeRawUnsafe(
      `UPDATE subscriber SET first_name = NULL, last_name = NULL, username = NULL, email = NULL, phone = NULL, external_id = NULL,
              telegram_id = NULL, timezone = NULL, profile = '{}', tags = ARRAY[]::text[], referral_code = NULL,
              consent_status = CASE WHEN consent_status = 'subscribed' THEN 'unsubscribed'::"ConsentStatus" ELSE consent_status END,
              unsubscribed_at = CASE WHEN consent_status = 'subscribed' THEN $2 ELSE unsubscribed_at END,
              erased_at = $2, updated_at = $2
        WHERE id = $1 AND erased_at IS NULL`,
      id,
      now,
    );
    if (changed === 0) return false;
    await tx.$executeRawUnsafe(`UPDATE survey_response SET comment = NULL, stage = CASE WHEN stage IN ('score', 'comment') THEN 'closed' ELSE stage END WHERE subscriber_id = $1`, id);
    await tx.$executeRawUnsafe(`UPDATE flow_session SET answers = '[]', selection = ARRAY[]::int[], status = CASE WHEN status = 'active' THEN 'cancelled' ELSE status END WHERE subscriber_id = $1`, id);
    await tx.$executeRawUnsafe(
      `UPDATE team_thread_message SET text = '' WHERE thread_id IN (SELECT id FROM team_thread WHERE subscriber_id = $1)`,
      id,
    );
    await tx.$executeRawUnsafe(`UPDATE team_thread SET awaiting_customer_since = NULL WHERE subscriber_id = $1`, id);
    await tx.$executeRawUnsafe(`UPDATE event SET properties = erase_free_text(properties - $2::text[]) WHERE subscriber_id = $1`, id, PERSONAL_KEYS);
    await tx.$executeRawUnsafe(`UPDATE "order" SET items = erase_free_text(items) WHERE subscriber_id = $1`, id);
    // Rows already claimed ('sending') are left to the worker: it reads the subscriber
    // again right before each send and skips them as 'erased', without rendering a name.
    await tx.$executeRawUnsafe(`UPDATE delivery SET status = 'skipped', reason = 'erased' WHERE subscriber_id = $1 AND status = 'pending'`, id);
    // Active chains stop; every enrolment forgets what it kept from its trigger (an event's properties).
    await tx.$executeRawUnsafe(
      `UPDATE chain_enrollment
          SET context = '{}',
              exit_reason = CASE WHEN status = 'active' THEN 'erased' ELSE exit_reason END,
              finished_at = CASE WHEN status = 'active' THEN $2 ELSE finished_at END,
              status = CASE WHEN status = 'active' THEN 'exited' ELSE status END
        WHERE subscriber_id = $1`,
      id,
      now,
    );
    // A card still waiting for Slack goes with the data it shows.
    await tx.$executeRawUnsafe(`DELETE FROM team_alert_retry WHERE subscriber_id = $1`, id);
    await tx.consentRecord.create({ data: { subscriberId: id, status: "unsubscribed", channel: input.reason === "customer_request" ? "telegram" : "team", text: "erased", at: now } });
    await writeAudit(deps, { actor: input.actor, action: "customer.erased", target: `subscriber:${id}`, details: { reason: input.reason } }, tx);
    return true;
  });
  if (erasedNow) await blankTeamCards(deps, id);
  const { erasedAt } = await deps.db.prisma.subscriber.findUniqueOrThrow({ where: { id }, select: { erasedAt: true } });
  return {
    subscriberId: id,
    alreadyErased: !erasedNow,
    erasedAt: erasedAt ?? now,
    erased: ["name", "username", "e-mail", "phone", "external id", "Telegram id", "profile fields", "tags", "flow answers", "survey comments", "conversation texts", "personal event properties", "free text in events and order item names", "invitation link"],
    kept: ["order amounts, dates and product ids", "survey scores (no comments)", "consent history", "anonymous counts of messages sent", "anonymous referral counts"],
  };
}
