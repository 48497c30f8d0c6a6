// The ports the core owns and the transports implement. The core says what to
// send and to whom; the bots decide how (Telegram API calls, Slack blocks).
import type { AbDecision, AbTestStarted } from "./campaigns/ab-types.ts";
import type { LocalizedText } from "./dialogues/localized-text.ts";

/** A message to one customer, independent of the channel. */
export interface OutgoingMessage {
  text: string;
  /** Inline buttons, in rows: a URL to open, or data the bot hands back to the core. */
  buttons?: OutgoingButton[][];
  /** Ask for the phone number with the channel's "share contact" control (and a typed "skip" next to it). */
  requestContact?: { label: string; skipLabel?: string };
  /** Remove a reply keyboard shown earlier (after the contact was shared). */
  removeKeyboard?: boolean;
  /** An image to send with the text as its caption. */
  image?: { filename: string; bytes: Buffer };
}

export type OutgoingButton = { text: string; url: string } | { text: string; data: string };

export interface Recipient {
  subscriberId: number;
  /** Telegram chat id of the private chat (the user id). */
  telegramId: bigint;
}

/** Failures of a message in several parts say how many of its parts are out (counting those sent before). */
interface PartsSent {
  partsSent?: number;
}

/** What happened to one send. Failures say what the caller should do about them. */
export type SendOutcome =
  | { ok: true; messageId: string }
  /** Too fast: the whole bot must pause this long (Telegram's 429 retry_after). */
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number; description: string } & PartsSent
  /** The person blocked the bot or deleted their account (403): stop messaging them. */
  | { ok: false; reason: "blocked"; description: string } & PartsSent
  /** The chat does not exist for this bot (400 chat not found): unreachable. */
  | { ok: false; reason: "unreachable"; description: string } & PartsSent
  /** Network error or server error (5xx): try again later. */
  | { ok: false; reason: "transient"; description: string } & PartsSent
  /** Anything else the API refused (a bad request): retrying will not help. */
  | { ok: false; reason: "rejected"; description: string } & PartsSent;

export interface SendOptions {
  /** Telegram paid broadcasts: up to 1000 messages/s, billed in Stars. */
  paidBroadcast?: boolean;
  /**
   * A message that goes out in several parts (a long text, a picture then its
   * text): the parts an earlier attempt already sent, skipped now.
   */
  fromPart?: number;
  /** Waits for the pace before each part after the first (one chat takes about one message per second). */
  beforeNextPart?: () => Promise<unknown>;
}

export interface Channel {
  readonly name: string;
  send(to: Recipient, message: OutgoingMessage, options?: SendOptions): Promise<SendOutcome>;
}

/** Where a team alert was posted, so replies in its thread can find their way back. */
export interface ThreadRef {
  channel: string;
  ts: string;
}

/** Who an alert is about: enough to recognise and reach them. */
export interface CustomerCard {
  subscriberId: number;
  name: string | null;
  username: string | null;
  email: string | null;
  phone: string | null;
  language: string;
  source: string | null;
}

/** A question and its answer, in every language: the card shows the team's. */
export interface AnsweredQuestion {
  question: LocalizedText;
  answer: LocalizedText;
  skipped: boolean;
}

export interface OrdersSummary {
  count: number;
  /** Sum of paid orders as a decimal string ("1234.50"). */
  total: string;
  /** Set when all orders share one currency. */
  currency: string | null;
  lastOrderAt: Date | null;
}

/**
 * A message for the team, as plain data; the Slack adapter renders each kind
 * as its own card (bot/slack/views). Replies in a card's thread reach the customer.
 */
export type TeamAlert =
  | { kind: "text"; text: string }
  /** What a customer's cards become when they erase their data. */
  | { kind: "erased"; subscriberId: number }
  | {
      kind: "hot_lead";
      customer: CustomerCard;
      flow: { id: string; name: LocalizedText };
      score: number;
      qualification: "hot" | "warm" | "cold";
      answers: AnsweredQuestion[];
      /** How the flow was started: deep_link, source, command, keyword, campaign. */
      trigger: string;
    }
  | {
      kind: "detractor";
      customer: CustomerCard;
      survey: { id: string; kind: "nps" | "csat"; name: LocalizedText };
      score: number;
      scaleMax: number;
      /**
       * pending: the reason question is open; skipped / none: no reason will come;
       * unanswered: the reason question closed (its window passed) with no answer.
       */
      reason: { status: "given"; text: string } | { status: "pending" } | { status: "skipped" } | { status: "unanswered" } | { status: "none" };
      /** Loyalty-funnel stage (core/segments/lifecycle.ts): potential, new, repeat, loyal, churned_from_new, churned_from_loyal. */
      lifecycleStage?: string | null;
      orders: OrdersSummary;
      /** Answered outside the team's hours: the customer was told someone answers from then (ISO). */
      toldAnswerFrom?: string;
    }
  /** A customer's accepted referrals reached a milestone (flows/referrals.yaml): thank them personally. */
  | { kind: "referral_milestone"; customer: CustomerCard; friends: number }
  /** A feedback survey's answer, or (no survey) a message the customer wrote outside any dialogue. */
  | {
      kind: "feedback";
      customer: CustomerCard;
      survey?: { id: string; name: LocalizedText };
      text: string;
      orders: OrdersSummary;
      /** Written outside the team's hours: the customer was told someone answers from then (ISO). */
      toldAnswerFrom?: string;
    }
  /** An A/B test that picks its winner started sending: its card carries Send A / Send B / Wait longer. */
  | ({ kind: "ab_test" } & AbTestStarted)
  | { kind: "ab_decision"; campaignId: number; name: string; decision: AbDecision }
  | {
      kind: "help_request";
      customer: CustomerCard;
      flow: { id: string; name: LocalizedText };
      /** The question the customer got stuck on. */
      question: LocalizedText;
      answers: AnsweredQuestion[];
      /** Asked outside the team's hours: the customer was told someone answers from then (ISO). */
      toldAnswerFrom?: string;
    };

export interface Notifier {
  /** Posts an alert to the team channel; undefined when no team channel is configured. */
  alert(alert: TeamAlert): Promise<ThreadRef | undefined>;
  /** Renders the alert again in place (e.g. a detractor's reason arrived). */
  updateAlert(ref: ThreadRef, alert: TeamAlert): Promise<void>;
  /** Posts a plain message into an existing thread; returns where it was posted (to blank it on erasure). */
  postInThread(ref: ThreadRef, text: string): Promise<ThreadRef | undefined>;
}

/** Used when a transport is not configured: says so in the log instead of losing the message silently. */
export function unconfiguredChannel(log: (msg: string, data: object) => void): Channel {
  return {
    name: "none",
    async send(to) {
      log("no Telegram bot configured: message not sent", { subscriberId: to.subscriberId });
      return { ok: false, reason: "transient", description: "no channel configured" };
    },
  };
}

export function unconfiguredNotifier(log: (msg: string, data: object) => void): Notifier {
  return {
    async alert(alert) {
      log("no Slack team channel configured: team alert not posted", { kind: alert.kind });
      return undefined;
    },
    async updateAlert(ref, alert) {
      log("no Slack app configured: team alert not updated", { channel: ref.channel, kind: alert.kind });
    },
    async postInThread(ref) {
      log("no Slack app configured: thread message not posted", { channel: ref.channel });
      return undefined;
    },
  };
}
