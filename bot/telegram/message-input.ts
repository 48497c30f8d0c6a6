// What a customer's message is, for the dialogues: text, a shared phone
// number, a command no feature took, or something we cannot read (a sticker,
// a photo, a voice message).
import type { BotContext } from "./context.ts";

export type MessageInput =
  | { kind: "text"; text: string }
  /** own: the contact is the sender's own (Telegram's "share my phone number" button), not someone else's card. */
  | { kind: "contact"; phone: string; own: boolean }
  | { kind: "command" }
  | { kind: "unreadable" };

export function messageInput(ctx: BotContext): MessageInput {
  const message = ctx.message;
  if (!message) return { kind: "unreadable" };
  if (message.contact) return { kind: "contact", phone: message.contact.phone_number, own: message.contact.user_id !== undefined && message.contact.user_id === ctx.from?.id };
  if (message.text === undefined) return { kind: "unreadable" };
  if (message.entities?.some((e) => e.type === "bot_command" && e.offset === 0)) return { kind: "command" };
  return { kind: "text", text: message.text };
}

/** The command of a message ("/choose@bot args" -> "choose"), if it starts with one. */
export function commandOf(ctx: BotContext): string | undefined {
  const message = ctx.message;
  const entity = message?.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!message?.text || !entity) return undefined;
  return message.text.slice(1, entity.length).split("@")[0]!.toLowerCase();
}
