// What a dialogue step answers a customer: messages to send, and for a pressed
// button what its message turns into. The core decides; the bots render.
import type { OutgoingButton, OutgoingMessage } from "../ports.ts";

export interface PressedButtonUpdate {
  /** Shown under the question, in place of its buttons: the answer given. */
  chosen?: string;
  /** New buttons for the question (multiple choice toggles). */
  buttons?: OutgoingButton[][];
  /** Remove the buttons (the question is settled). */
  close?: boolean;
}

export interface DialogueReply {
  messages: OutgoingMessage[];
  pressed?: PressedButtonUpdate;
  /** A short notice on the pressed button (Telegram shows it as a toast). */
  notice?: string;
  /** The person was never asked for consent: ask now (the bot owns the consent prompt). */
  askConsent?: boolean;
}

export function reply(messages: OutgoingMessage[] | OutgoingMessage, extra: Omit<DialogueReply, "messages"> = {}): DialogueReply {
  return { messages: Array.isArray(messages) ? messages : [messages], ...extra };
}

export const nothing: DialogueReply = { messages: [] };
