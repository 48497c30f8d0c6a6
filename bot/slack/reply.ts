// Slack wants every slash command acknowledged within 3 seconds. Work that
// finishes in time is the acknowledgement itself; slower work acknowledges
// with a short "working on it" and answers through response_url when done.
// A failure is answered with a clear message and logged, never left hanging.
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
}

/** How long work may take before we acknowledge and answer later (Slack's limit is 3 s). */
export const ACK_BUDGET_MS = 2000;

export async function replyToCommand(io: CommandIO, texts: ReplyTexts, work: () => Promise<SlackReply>, budgetMs = ACK_BUDGET_MS): Promise<void> {
  const log = io.logger.child({ command: io.command.command, user: io.command.user_id });
  const pending = work().then(
    (reply) => ({ ok: true as const, reply }),
    (error: unknown) => (error instanceof Refusal ? { ok: true as const, reply: error.reply } : { ok: false as const, error }),
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

function toMessage(reply: SlackReply) {
  return {
    response_type: reply.inChannel ? ("in_channel" as const) : ("ephemeral" as const),
    text: reply.text,
    ...(reply.blocks ? { blocks: reply.blocks } : {}),
  };
}
