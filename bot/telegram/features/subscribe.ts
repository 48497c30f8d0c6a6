// /start [source]: make the person known, remember where they came from and
// ask for consent with a button. Only "yes" subscribes them (double opt-in).
//
// A link into a flow (?start=flow_<id>, or a source a flow file claims) starts
// the flow at once: the person came for that dialogue, and a consent question
// in front of it would stand between them and what they asked for. Consent is
// asked when the flow ends (unless given before); until then they get only
// the dialogue they started, no campaigns.
import { Composer } from "grammy";
import { beginFlow } from "../../../core/flows/start-flow.ts";
import { FLOW_DEEP_LINK_PREFIX } from "../../../core/flows/flow-catalog.ts";
import { confirmConsent, declineConsent, ensureKnown } from "../../../core/subscribers/telegram-subscription.ts";
import { identityOf, type BotContext } from "../context.ts";
import { askForConsent, consentCallback, consentQuestion } from "../consent-prompt.ts";
import { sendDialogueReply } from "../dialogue-reply.ts";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("start", async (ctx) => {
  const payload = ctx.match || undefined;
  const flow = ctx.core.dialogues.flows.forStartPayload(payload);
  if (flow) {
    ctx.subscriber = await ensureKnown(ctx.core, identityOf(ctx), { source: payload });
    const trigger = payload!.startsWith(FLOW_DEEP_LINK_PREFIX) ? "deep_link" : "source";
    await sendDialogueReply(ctx, await beginFlow(ctx.core, { subscriber: ctx.subscriber, flowId: flow.id, trigger, source: payload }));
    return;
  }
  const { alreadySubscribed } = await askForConsent(ctx, payload);
  if (alreadySubscribed) await ctx.reply(ctx.t("consent-already"));
});

composer.callbackQuery(consentCallback.pattern, async (ctx) => {
  const data = consentCallback.unpack(ctx.callbackQuery.data);
  const telegramId = BigInt(ctx.from.id);
  if (!data || !ctx.subscriber) {
    await ctx.answerCallbackQuery({ text: ctx.t("consent-expired") });
    return;
  }
  if (data.answer === "yes") {
    // The exact text the person agreed to goes into their consent history: the
    // message the button sits on, as they saw it (they may have switched
    // /language since); re-rendered only when Telegram does not send it along.
    const message = ctx.callbackQuery.message;
    const shown = message && "text" in message ? message.text : undefined;
    const { changed, welcome } = await confirmConsent(ctx.core, { telegramId, consentText: shown ?? consentQuestion(ctx) });
    // Only the press that subscribed them edits the message; a repeated press gets a short note.
    if (!changed) {
      await ctx.answerCallbackQuery({ text: ctx.t("consent-already") });
      return;
    }
    // Two calls Telegram needs (the press answered, the question turned into the
    // confirmation), independent of each other: at once, not one after the other.
    await Promise.all([ctx.answerCallbackQuery(), ctx.editMessageText(ctx.t("consent-confirmed"))]);
    // A referred friend's welcome reward follows the confirmation.
    if (welcome.length > 0) await sendDialogueReply(ctx, { messages: welcome });
  } else {
    const { changed } = await declineConsent(ctx.core, { telegramId });
    await Promise.all([ctx.answerCallbackQuery(), changed ? ctx.editMessageText(ctx.t("consent-declined")) : undefined]);
  }
});

export { composer as subscribeFeature };
