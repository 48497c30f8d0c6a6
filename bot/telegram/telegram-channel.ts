// The Channel port over the Telegram Bot API: renders an OutgoingMessage into
// sendMessage / sendPhoto and maps Telegram's errors to what the core should do.
import { GrammyError, HttpError, InlineKeyboard, InputFile, Keyboard, type Api } from "grammy";
import type { Channel, OutgoingButton, OutgoingMessage, SendOutcome } from "../../core/ports.ts";

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;

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
        if (message.image) {
          const sent = await api.sendPhoto(chatId, new InputFile(message.image.bytes, message.image.filename), {
            caption: message.text.slice(0, TELEGRAM_CAPTION_LIMIT),
            ...extra,
          });
          return { ok: true, messageId: String(sent.message_id) };
        }
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

/** Splits at paragraph, line or word boundaries so no part exceeds Telegram's 4096 characters. */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" "));
    const at = cut > limit / 2 ? cut : limit;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  parts.push(rest);
  return parts;
}
