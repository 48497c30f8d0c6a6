// A crowd of newcomers for bench/subscribe-burst.ts, run inside the local Bot
// API server's process: every person sends /start at once and presses the
// consent question's first button ("yes") as soon as it arrives. Counts, per
// chat, what the bot answered, to check that every one was answered once.
import type { ApiCall, ChatMessage, FakeTelegram } from "../../test/support/fake-telegram.ts";

export interface CrowdStats {
  people: number;
  /** Chats that got the consent question (a message with buttons). */
  asked: number;
  /** Chats whose press was answered (answerCallbackQuery). */
  answered: number;
  /** Chats whose question was turned into the confirmation (editMessageText). */
  confirmed: number;
  /** Chats that got more than one question, answer or confirmation. */
  repeated: number;
  firstStartAt: number;
  lastConfirmedAt: number;
}

interface ChatCounts {
  asked: number;
  answered: number;
  confirmed: number;
}

export class SubscriberCrowd {
  private readonly chats = new Map<number, ChatCounts>();
  private firstStartAt = 0;
  private lastConfirmedAt = 0;
  private people = 0;

  constructor(private readonly tg: FakeTelegram) {
    tg.onMessage((msg) => this.onQuestion(msg));
    tg.onCall((call) => this.onCall(call));
  }

  start(people: number, firstId: number): void {
    this.people = people;
    this.firstStartAt = Date.now();
    for (let i = 0; i < people; i++) {
      const id = firstId + i;
      this.chats.set(id, { asked: 0, answered: 0, confirmed: 0 });
      const from = { id, is_bot: false, first_name: `Guest${i}`, language_code: i % 3 === 0 ? "ru" : "en" };
      this.tg.push({
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id, type: "private", first_name: from.first_name },
          from,
          text: "/start channel_post",
          entities: [{ type: "bot_command", offset: 0, length: 6 }],
        },
      });
    }
  }

  stats(): CrowdStats {
    let asked = 0;
    let answered = 0;
    let confirmed = 0;
    let repeated = 0;
    for (const c of this.chats.values()) {
      asked += Math.min(c.asked, 1);
      answered += Math.min(c.answered, 1);
      confirmed += Math.min(c.confirmed, 1);
      if (c.asked > 1 || c.answered > 1 || c.confirmed > 1) repeated += 1;
    }
    return { people: this.people, asked, answered, confirmed, repeated, firstStartAt: this.firstStartAt, lastConfirmedAt: this.lastConfirmedAt };
  }

  private onQuestion(msg: ChatMessage): void {
    const counts = this.chats.get(msg.chat_id);
    const button = (msg.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard?.[0]?.[0];
    if (!counts || !button?.callback_data) return;
    counts.asked += 1;
    const from = { id: msg.chat_id, is_bot: false, first_name: `Guest${msg.chat_id}` };
    this.tg.push({
      callback_query: { id: `q${msg.chat_id}`, from, chat_instance: `ci${msg.chat_id}`, data: button.callback_data, message: this.tg.toTelegramMessage(msg) },
    });
  }

  private onCall(call: ApiCall): void {
    if (call.method === "answerCallbackQuery") {
      const counts = this.chats.get(Number(String(call.params.callback_query_id).slice(1)));
      if (counts) counts.answered += 1;
    } else if (call.method === "editMessageText") {
      const counts = this.chats.get(Number(call.params.chat_id));
      if (!counts) return;
      counts.confirmed += 1;
      this.lastConfirmedAt = Date.now();
    }
  }
}
