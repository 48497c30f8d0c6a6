// Slack wants every slash command acknowledged within 3 seconds. Work that
// finishes in time is the acknowledgement itself; slower work acknowledges
// with a short "working on it" and answers through response_url when done.
// A failure is answered with a clear message and logged, never left hanging.
// Button presses (answerAction) are answered the same way, through response_url.
// Expected errors (a Refusal, a domain or validation error: `explain`) are
// answered politely here, so listeners contain no try/catch of their own.
import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { Logger } from "../../core/logger.ts";

export interface SlackReply {
  text: string;
  blocks?: KnownBlock[];
  /** Visible to the whole channel instead of only to the caller. */
  inChannel?: boolean;
}

/** A polite "no" (not allowed, bad input): answered as is, not logged as a failure. */
export class Refusal extends Error {
  constructor(readonly reply: SlackReply) {
    super(reply.text);
    this.name = "Refusal";
  }
}

export interface CommandIO {
  ack: (reply?: { response_type: "ephemeral" | "in_channel"; text: string; blocks?: KnownBlock[] }) => Promise<void>;
  respond: RespondFn;
  command: SlashCommand;
  logger: Logger;
}

export interface ReplyTexts {
  working: string;
  failed: string;
  /** The polite answer to an expected error (bot/slack/error-replies.ts), or undefined for a failure. */
  explain?: (error: unknown) => SlackReply | undefined;
}

/** How long work may take before we acknowledge and answer later (Slack's limit is 3 s). */
export const ACK_BUDGET_MS = 2000;

export async function replyToCommand(io: CommandIO, texts: ReplyTexts, work: () => Promise<SlackReply>, budgetMs = ACK_BUDGET_MS): Promise<void> {
  const log = io.logger.child({ command: io.command.command, user: io.command.user_id });
  const pending = work().then(
    (reply) => ({ ok: true as const, reply }),
    (error: unknown) => {
      const reply = answerTo(error, texts);
      return reply ? { ok: true as const, reply } : { ok: false as const, error };
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), budgetMs);
  });
  const first = await Promise.race([pending, timeout]);
  clearTimeout(timer);
  if (first !== "late") {
    if (!first.ok) log.error({ err: first.error }, "slack command failed");
    await io.ack(toMessage(first.ok ? first.reply : { text: texts.failed }));
    return;
  }
  await io.ack({ response_type: "ephemeral", text: texts.working });
  const late = await pending;
  if (!late.ok) log.error({ err: late.error }, "slack command failed");
  const message = toMessage(late.ok ? late.reply : { text: texts.failed });
  await io.respond({ ...message, replace_original: false }).catch((err: unknown) => log.error({ err }, "could not answer through response_url"));
}

export interface ActionAnswer extends SlackReply {
  /** Replace the message whose button was pressed (the default), or answer beside it. */
  replace?: boolean;
}

export interface ActionIO {
  respond: RespondFn;
  logger: Logger;
  action: string;
  user: string;
}

/** Runs a button's work (already acknowledged) and answers the presser; an error is answered beside the message, never replacing it. */
export async function answerAction(io: ActionIO, texts: ReplyTexts, work: () => Promise<ActionAnswer>): Promise<void> {
  const log = io.logger.child({ action: io.action, user: io.user });
  let message;
  try {
    const answer = await work();
    message = { ...toMessage(answer), replace_original: answer.replace ?? true };
  } catch (error) {
    const reply = answerTo(error, texts);
    if (!reply) log.error({ err: error }, "slack action failed");
    message = { ...toMessage({ ...(reply ?? { text: texts.failed }), inChannel: false }), replace_original: false };
  }
  await io.respond(message).catch((err: unknown) => log.error({ err }, "could not answer through response_url"));
}

function answerTo(error: unknown, texts: ReplyTexts): SlackReply | undefined {
  return error instanceof Refusal ? error.reply : texts.explain?.(error);
}

function toMessage(reply: SlackReply) {
  return {
    response_type: reply.inChannel ? ("in_channel" as const) : ("ephemeral" as const),
    text: reply.text,
    ...(reply.blocks ? { blocks: reply.blocks } : {}),
  };
}
