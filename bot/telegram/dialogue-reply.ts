// Renders what a core dialogue step answered (core/dialogues/reply.ts): the
// notice on the pressed button, the pressed question turned into its answer,
// then the messages - through the same rendering as the Channel port, so
// long texts are split at Telegram's 4096 characters here too.
import { GrammyError } from "grammy";
import type { DialogueReply, PressedButtonUpdate } from "../../core/dialogues/reply.ts";
import type { BotContext } from "./context.ts";
import { inlineKeyboardOf, telegramChannel, TELEGRAM_TEXT_LIMIT } from "./telegram-channel.ts";
import { askForConsent } from "./consent-prompt.ts";

export async function sendDialogueReply(ctx: BotContext, reply: DialogueReply): Promise<void> {
  if (ctx.callbackQuery) {
    await answerPress(ctx, reply.notice);
    if (reply.pressed) await updatePressedQuestion(ctx, reply.pressed);
  }
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  const channel = telegramChannel(ctx.api);
  const recipient = { subscriberId: ctx.subscriber?.id ?? 0, telegramId: BigInt(chatId) };
  for (const message of reply.messages) {
    const outcome = await channel.send(recipient, message);
    if (!outcome.ok) {
      ctx.log.warn({ reason: outcome.reason, description: outcome.description }, "dialogue reply not delivered");
      return;
    }
  }
  if (reply.askConsent) await askForConsent(ctx);
}

/**
 * Telegram refuses to answer a query that is too old (taps queued while the
 * bot was down), and the network may fail it. The answer is already stored
 * by then, so the spinner is the only loss: the customer still gets what comes next.
 */
async function answerPress(ctx: BotContext, notice: string | undefined): Promise<void> {
  try {
    await ctx.answerCallbackQuery(notice ? { text: notice } : {});
  } catch (err) {
    const detail = err instanceof GrammyError ? { err: err.description, errorCode: err.error_code } : { err };
    ctx.log.warn(detail, "callback query not answered; sending the reply anyway");
  }
}

/** The question that was answered shows the answer instead of its buttons (or its new toggles). */
async function updatePressedQuestion(ctx: BotContext, pressed: PressedButtonUpdate): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (!message) return;
  try {
    if (pressed.buttons) {
      await ctx.editMessageReplyMarkup({ reply_markup: inlineKeyboardOf(pressed.buttons) });
      return;
    }
    const original = "text" in message ? message.text : undefined;
    if (pressed.chosen && original !== undefined) {
      const text = `${original}\n\n✓ ${pressed.chosen}`;
      if (text.length <= TELEGRAM_TEXT_LIMIT) {
        await ctx.editMessageText(text);
        return;
      }
    }
    if (pressed.chosen || pressed.close) await ctx.editMessageReplyMarkup();
  } catch (err) {
    // An old or already edited message cannot always be edited; the answer itself stands.
    if (err instanceof GrammyError && err.error_code === 400) ctx.log.debug({ err: err.description }, "pressed question not edited");
    else throw err;
  }
}
