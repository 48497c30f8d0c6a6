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
      const photo = message.image ? new InputFile(message.image.bytes, message.image.filename) : undefined;
      if (photo && message.text.length <= TELEGRAM_CAPTION_LIMIT) {
        try {
          const sent = await api.sendPhoto(chatId, photo, { caption: message.text, ...extra });
          return { ok: true, messageId: String(sent.message_id) };
        } catch (err) {
          return outcomeOf(err);
        }
      }
      // In parts: a text too long for a caption comes after its picture (nothing
      // is cut off), a text over Telegram's limit goes out in several messages;
      // buttons ride on the last. A retry starts at the first part not yet sent,
      // and each part after the first waits for the chat's pace.
      const texts = splitText(message.text);
      const parts: (() => Promise<{ message_id: number }>)[] = [
        ...(photo ? [() => api.sendPhoto(chatId, photo, options.paidBroadcast ? { allow_paid_broadcast: true } : {})] : []),
        ...texts.map((text, i) => () => api.sendMessage(chatId, text, i === texts.length - 1 ? extra : {})),
      ];
      const first = Math.min(options.fromPart ?? 0, parts.length - 1);
      let sent = first;
      try {
        let last = 0;
        for (const part of parts.slice(first)) {
          if (sent > first) await options.beforeNextPart?.();
          last = (await part()).message_id;
          sent += 1;
        }
        return { ok: true, messageId: String(last) };
      } catch (err) {
        return { ...outcomeOf(err), partsSent: sent };
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
