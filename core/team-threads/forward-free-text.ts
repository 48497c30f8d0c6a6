// A message outside any dialogue ("всё хорошо, но доставка долгая") is
// feedback, not a command we failed to understand: the team gets it as a
// feedback card, and the customer's next messages go to the card's thread
// (where a teammate's reply reaches them) for TEAM_CONVERSATION_WINDOW_DAYS.
// A word or two alone ("hi", "спасибо") is no card: the bot's hint answers.
import type { CoreDeps } from "../deps.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";
import { reply, type DialogueReply } from "../dialogues/reply.ts";
import { words } from "../language/stem.ts";
import { ordersSummaryOf } from "../subscribers/orders-summary.ts";
import { alertTeam } from "./alert-team.ts";
import { customerCardOf } from "./customer-card.ts";
import { formatOpening, nextTeamOpening } from "./team-hours.ts";

/** Fewer words than this are a greeting or a thanks, not feedback. */
export const FEEDBACK_MIN_WORDS = 3;

/** The reply when the message went to the team; undefined when it is not feedback or no team channel takes it. */
export async function forwardFreeText(deps: CoreDeps, options: { subscriber: Subscriber; text: string }): Promise<DialogueReply | undefined> {
  const { subscriber } = options;
  const text = options.text.trim();
  if (words(text).length < FEEDBACK_MIN_WORDS || subscriber.erasedAt) return undefined;
  // Outside the team's hours (TEAM_HOURS) they are told when someone will answer, and the card says so.
  const opening = nextTeamOpening(deps.clock.now(), deps.teamHours, deps.teamTimezone);
  const posted = await alertTeam(deps, {
    alert: {
      kind: "feedback",
      customer: customerCardOf(subscriber),
      text,
      orders: await ordersSummaryOf(deps, subscriber.id),
      ...(opening ? { toldAnswerFrom: opening.toISOString() } : {}),
    },
    subscriberId: subscriber.id,
    topic: "feedback",
    awaitCustomer: true,
  });
  if (!posted) return undefined;
  deps.logger.info({ subscriberId: subscriber.id }, "free text passed to the team as feedback");
  const t = (key: string, vars?: Record<string, string>) => deps.translator.t(subscriber.language, key, vars);
  return reply({
    text: opening ? t("free-text-forwarded-after-hours", { when: formatOpening(opening, subscriber.language, subscriber.timezone ?? deps.teamTimezone) }) : t("free-text-forwarded"),
  });
}
