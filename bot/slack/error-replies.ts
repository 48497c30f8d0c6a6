// One table from the errors a teammate can cause to the team's words, applied
// in one place: replyToCommand and answerAction call `explain` (see
// `replies(deps, scope)`), so commands and actions contain no try/catch.
//
// Words: `<scope prefix>-<code>` when the command has its own (send-error-*,
// campaign-error-*), else the shared `error-<code>` of
// locales/<lang>/slack-errors.ftl. A command's usage is added after errors in
// what was typed (`input` in the table), not after "that campaign is finished".
//
// A new domain error code: add it to core/errors.ts, a row here (the compiler
// asks for it) and `error-<code>` to both locales (error-replies.test.ts checks).
import { z } from "zod";
import { DomainError, type DomainErrorCode } from "../../core/errors.ts";
import { pointAt, SegmentTextError } from "../../core/segments/parse-segment-text.ts";
import { Refusal, type ReplyTexts, type SlackReply } from "./reply.ts";
import type { SlackDeps } from "./slack-deps.ts";
import type { Translate } from "../../core/i18n.ts";

type Vars = Record<string, string | number>;
/** What wording needs: the translator (to see which keys exist), the team's texts and language. */
type TeamWords = { core: Pick<SlackDeps["core"], "translator">; t: Translate; language: string };
type Words = TeamWords & Pick<SlackDeps, "replyTexts">;

/** How one command (or family of buttons) words its errors. */
export interface ErrorScope {
  /** The command's own wording, tried before the shared `error-<code>`: `<prefix>-<code>`. */
  prefix?: string;
  /** Locale keys of its usage lines, added after an error in what was typed. */
  usage?: readonly string[];
}

interface Wording {
  /** True: what was typed is wrong (the usage helps). False: the state of things does not allow it. */
  input: boolean;
  /** The text's variables; by default the error's details, as text. */
  vars?: (details: Record<string, unknown>, t: Translate) => Vars;
}

export const ERROR_TABLE: { readonly [C in DomainErrorCode]: Wording } = {
  not_found: { input: true },
  flow_not_found: { input: true },
  survey_not_found: { input: true },
  unknown_survey: { input: true },
  unknown_flow: { input: true },
  unknown_template: { input: true },
  invalid_schedule: { input: true },
  invalid_campaign_transition: { input: false, vars: (d, t) => ({ ...asText(d), status: t(`campaign-status-${String(d.status)}`) }) },
  self_approval: { input: false },
  empty_audience: { input: false },
  segment_text: {
    input: true,
    vars: (d) => ({
      position: Number(d.position),
      expected: (d.expected as string[]).join(", "),
      choices: (d.expected as string[]).length,
      suggestion: typeof d.suggestion === "string" ? d.suggestion : "none",
    }),
  },
  segment_not_found: { input: true },
  invalid_segment_name: { input: true },
  customer_not_found: { input: true },
  customer_ambiguous: { input: true },
  unknown_subscriber: { input: true },
  unsupported_language: { input: true },
  invalid_period: { input: true },
  unknown_period: { input: true },
  invalid_spend: { input: true },
  invalid_spend_text: { input: true },
  invalid_cron: { input: true },
  digest_not_posted: { input: false },
  csv_import: { input: true },
  batch_too_large: { input: true },
  chain_not_found: { input: true },
  chain_already_paused: { input: false },
  chain_not_paused: { input: false },
  ab_not_a_test: { input: false },
  ab_already_decided: { input: false },
  ab_not_running: { input: false },
};

/**
 * A mistake in a command's words found by the adapter's own parser (before the
 * core is asked): worded `<prefix>-<problem>`, then `error-<problem>`; the usage follows.
 */
export class CommandSyntaxError extends Error {
  constructor(
    readonly problem: string,
    readonly detail: Record<string, string> = {},
  ) {
    super(problem);
    this.name = "CommandSyntaxError";
  }
}

/** Slack's answers that mean "the app cannot post there", not a failure of ours. */
const CANNOT_POST = new Set(["not_in_channel", "channel_not_found", "is_archived", "restricted_action", "cannot_dm_bot"]);

/** The reply texts of one command: working, failed, and its error wording. */
export function replies(deps: Words, scope: ErrorScope = {}): ReplyTexts {
  return { ...deps.replyTexts, explain: (error) => errorReply(deps, error, scope) };
}

/** The polite answer to an expected error, or undefined for a failure (logged, answered with slack-error). */
export function errorReply(deps: TeamWords, error: unknown, scope: ErrorScope = {}): SlackReply | undefined {
  if (error instanceof Refusal) return error.reply;
  const worded = wordError(deps, error, scope);
  if (!worded) return undefined;
  const usage = worded.input ? (scope.usage ?? []).map((key) => deps.t(key)) : [];
  return { text: [worded.text, ...usage].join("\n") };
}

function wordError(deps: TeamWords, error: unknown, scope: ErrorScope): { text: string; input: boolean } | undefined {
  const say = (code: string, vars: Vars, fallback: string) => {
    const key = [scope.prefix ? `${scope.prefix}-${code}` : undefined, `error-${code}`].find((k) => k !== undefined && deps.core.translator.has(deps.language, k));
    return key ? deps.t(key, { message: fallback, ...vars }) : fallback;
  };
  if (error instanceof DomainError) {
    const wording = ERROR_TABLE[error.code];
    const text = say(error.code, wording.vars ? wording.vars(error.details, deps.t) : asText(error.details), error.message);
    // A segment typed as text: show it with a caret under the problem.
    if (error instanceof SegmentTextError) return { input: true, text: `${text}\n\`\`\`${pointAt(error.text, error)}\`\`\`` };
    return { input: wording.input, text };
  }
  if (error instanceof CommandSyntaxError) return { input: true, text: say(error.problem, error.detail, error.problem) };
  if (error instanceof z.core.$ZodError) return { input: true, text: say("invalid_input", { message: error.issues[0]?.message ?? "" }, error.message) };
  const platform = slackPlatformError(error);
  if (platform && CANNOT_POST.has(platform)) return { input: false, text: say("cannot_post", { error: platform }, platform) };
  return undefined;
}

function slackPlatformError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

function asText(details: Record<string, unknown>): Vars {
  return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, typeof v === "number" ? v : String(v)]));
}
