// Small readers over what the fake Telegram and Slack saw, for dialogue tests.
import type { ApiCall, FakeTelegramUser } from "./fake-telegram.ts";
import type { FakeSlack, SlackApiCall } from "./fake-slack.ts";

interface Button {
  text: string;
  callback_data?: string;
}

/** The callback data and message of the newest button with this label (to press it again later). */
export function buttonOf(user: FakeTelegramUser, label: string): { data: string; messageId: number } {
  for (const msg of [...user.messages()].reverse()) {
    const keyboard = (msg.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard;
    const button = keyboard?.flat().find((b) => b.text === label);
    if (button?.callback_data) return { data: button.callback_data, messageId: msg.message_id };
  }
  throw new Error(`no button "${label}" in chat ${user.id}`);
}

/** The toast the bot showed on a pressed button (answerCallbackQuery's text). */
export function toastOf(calls: ApiCall[]): string | undefined {
  const answer = calls.find((c) => c.method === "answerCallbackQuery");
  return answer?.params.text as string | undefined;
}

/** Texts of the messages the bot sent in these calls (not edits). */
export function sentTexts(calls: ApiCall[]): string[] {
  return calls.filter((c) => c.method === "sendMessage").map((c) => String(c.params.text));
}

/** The reply keyboard (not inline) of the newest message that has one. */
export function replyKeyboardOf(user: FakeTelegramUser): { text: string; request_contact?: boolean }[][] | undefined {
  for (const msg of [...user.messages()].reverse()) {
    const keyboard = (msg.reply_markup as { keyboard?: { text: string; request_contact?: boolean }[][] } | undefined)?.keyboard;
    if (keyboard) return keyboard;
  }
  return undefined;
}

/** Messages posted to the team channel (not in threads). */
export function teamCards(slack: FakeSlack, channel = "C0TEAM"): SlackApiCall[] {
  return slack.callsOf("chat.postMessage").filter((c) => c.params.channel === channel && !c.params.thread_ts);
}

export function threadPosts(slack: FakeSlack, threadTs: string): SlackApiCall[] {
  return slack.callsOf("chat.postMessage").filter((c) => c.params.thread_ts === threadTs);
}

/** The Block Kit blocks of a posted message. */
export function blocksOf(call: SlackApiCall): Record<string, unknown>[] {
  const blocks = call.params.blocks;
  return (typeof blocks === "string" ? JSON.parse(blocks) : blocks) as Record<string, unknown>[];
}
