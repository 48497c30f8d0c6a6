// The Channel port over the Telegram Bot API: renders an OutgoingMessage into
// sendMessage / sendPhoto and maps Telegram's errors to what the core should do.
import { GrammyError, HttpError, InlineKeyboard, InputFile, Keyboard, type Api } from "grammy";
import type { Channel, OutgoingButton, OutgoingMessage, SendOutcome } from "../../core/ports.ts";
import { CAPTION_LIMIT, splitText, TEXT_LIMIT } from "../../core/delivery/message-parts.ts";

export { splitText };
export const TELEGRAM_TEXT_LIMIT = TEXT_LIMIT;
export const TELEGRAM_CAPTION_LIMIT = CAPTION_LIMIT;

export function telegramChannel(api: Api): Channel {
  return {
    name: "telegram",
    async send(to, message, options = {}) {
      const chatId = Number(to.telegramId);
      const extra = {
        ...replyMarkup(message),
        ...(options.paidBroadcast ? { allow_paid_broadcast: true } : {}),
      };
      try {
        if (message.image && message.text.length <= TELEGRAM_CAPTION_LIMIT) {
          const sent = await api.sendPhoto(chatId, new InputFile(message.image.bytes, message.image.filename), {
            caption: message.text,
            ...extra,
          });
          return { ok: true, messageId: String(sent.message_id) };
        }
        // A text too long for a caption: the picture first, then the text (nothing is cut off).
        if (message.image) await api.sendPhoto(chatId, new InputFile(message.image.bytes, message.image.filename), options.paidBroadcast ? { allow_paid_broadcast: true } : {});
        // Texts over Telegram's limit go out in several messages; buttons ride on the last.
        const parts = splitText(message.text);
        let last = 0;
        for (const [i, part] of parts.entries()) {
          const sent = await api.sendMessage(chatId, part, i === parts.length - 1 ? extra : {});
          last = sent.message_id;
        }
        return { ok: true, messageId: String(last) };
      } catch (err) {
        return outcomeOf(err);
      }
    },
  };
}

export function inlineKeyboardOf(buttons: OutgoingButton[][]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const [i, row] of buttons.entries()) {
    if (i > 0) keyboard.row();
    for (const button of row) {
      if ("url" in button) keyboard.url(button.text, button.url);
      else keyboard.text(button.text, button.data);
    }
  }
  return keyboard;
}

function replyMarkup(message: OutgoingMessage) {
  if (message.buttons?.length) return { reply_markup: inlineKeyboardOf(message.buttons) };
  if (message.requestContact) {
    const keyboard = new Keyboard().requestContact(message.requestContact.label);
    if (message.requestContact.skipLabel) keyboard.row().text(message.requestContact.skipLabel);
    return { reply_markup: keyboard.resized().oneTime() };
  }
  if (message.removeKeyboard) return { reply_markup: { remove_keyboard: true as const } };
  return {};
}

export function outcomeOf(err: unknown): SendOutcome {
  if (err instanceof GrammyError) {
    const description = err.description;
    if (err.error_code === 429) {
      return { ok: false, reason: "rate_limited", retryAfterSeconds: err.parameters.retry_after ?? 1, description };
    }
    if (err.error_code === 403) return { ok: false, reason: "blocked", description };
    if (err.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) {
      return { ok: false, reason: "unreachable", description };
    }
    if (err.error_code >= 500) return { ok: false, reason: "transient", description };
    return { ok: false, reason: "rejected", description };
  }
  if (err instanceof HttpError) return { ok: false, reason: "transient", description: err.message };
  return { ok: false, reason: "transient", description: err instanceof Error ? err.message : String(err) };
}
