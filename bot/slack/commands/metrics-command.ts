// /metrics [FIGURE] [period] [by source | segment NAME] | help: the key
// figures of a period against the previous one (or the one figure asked
// about), in English or Russian period words; or a question in words
// (words.ts); help shows the cheat sheet and what each figure means
// (docs/metrics.md has the long form).
import type { App } from "@slack/bolt";
import { resolveAudience } from "../../../core/campaigns/audience.ts";
import { campaignsFinishedIn } from "../../../core/campaigns/campaigns-finished-in.ts";
import { acquisitionReport } from "../../../core/metrics/acquisition.ts";
import { figureDefinitions, keyFigures } from "../../../core/metrics/key-figures.ts";
import { referralFigures } from "../../../core/metrics/referrals.ts";
import type { MetricScope } from "../../../core/metrics/metric-scope.ts";
import { parsePeriodWords } from "../../../core/metrics/period-words.ts";
import { BY_SEGMENT, BY_SOURCE, isExactMetrics, metricsQuestion } from "../../../core/language/exact-syntax.ts";
import { installationNames, NO_NAMES } from "../../../core/language/installation-names.ts";
import { understandWords } from "../../../core/language/understand.ts";
import { replies, type ErrorScope } from "../error-replies.ts";
import { replyToCommand, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { cheatSheetView } from "../views/cheat-sheet-view.ts";
import { figureFocusView } from "../views/figure-focus-view.ts";
import { definitionsView, metricsView, sourcesView } from "../views/metrics-view.ts";
import { answerWords } from "./words.ts";

/** A period or segment it does not know: the error, then the usage. */
export const METRICS_ERRORS: ErrorScope = { usage: ["metrics-usage"] };


export function registerMetricsCommand(app: App, deps: SlackDeps): void {
  app.command("/metrics", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps, METRICS_ERRORS), async () => {
      await deps.access.require(command.user_id, "view");
      return answerMetrics(deps, command.text);
    });
  });
}

/** /metrics' words, whoever asks (the command, a mention, a direct message): help, the exact syntax, or a question in words. */
export async function answerMetrics(deps: SlackDeps, input: string): Promise<SlackReply> {
  const { core, t, language } = deps;
  const text = input.trim();
  if (/^(help|помощь|справка)$/i.test(text)) {
    const sheet = cheatSheetView("/metrics", await installationNames(core), t);
    const definitions = definitionsView(figureDefinitions(core, language), t);
    return { text: `${sheet.text}\n${definitions.text}`, blocks: [...(sheet.blocks ?? []), ...(definitions.blocks ?? [])].slice(0, 50) };
  }
  if (isExactMetrics(text, core.clock.now(), core.teamTimezone)) return runMetricsCommand(deps, text);
  // Words: "revenue last week", "выручка за прошлую неделю". Words that mean nothing at all get the period error.
  return answerWords(deps, "/metrics", text, { run: (form) => runMetricsCommand(deps, form), exactInstead: await noWordKnown(deps, text) ? () => runMetricsCommand(deps, text) : undefined });
}

/** `/metrics [FIGURE] [period] [by source | segment NAME]`: one figure alone, or all of them. */
export async function runMetricsCommand(deps: SlackDeps, input: string): Promise<SlackReply> {
  const { core, t, language } = deps;
  let text = input.trim();
  const bySource = BY_SOURCE.test(text);
  text = text.replace(BY_SOURCE, "");
  const segmentMatch = BY_SEGMENT.exec(text);
  text = text.replace(BY_SEGMENT, "");
  const question = metricsQuestion(text);
  const { period } = parsePeriodWords(question.period, core.clock.now(), core.teamTimezone);
  if (bySource) {
    const { sources, currency } = await acquisitionReport(core, { period });
    return sourcesView({ sources, currency, from: period.from, to: period.to, timezone: core.teamTimezone, language }, t);
  }
  let scope: MetricScope;
  let scopeLabel: string | undefined;
  if (segmentMatch) {
    const audience = await resolveAudience(core, segmentMatch[1]!);
    scope = { segment: audience.definition, name: audience.text };
    scopeLabel = t("metrics-scope-segment", { segment: audience.text });
  }
  const figures = await keyFigures(core, { period, scope, language });
  if (question.figure) return figureFocusView({ figures, figure: question.figure, periodWords: question.period, timezone: core.teamTimezone, language }, t);
  // Referral figures describe the whole base: shown without a segment scope.
  const referrals = segmentMatch ? {} : { referrals: await referralFigures(core, { period }) };
  return metricsView({ figures, ...(scopeLabel ? { scopeLabel } : {}), ...referrals, campaigns: await campaignsFinishedIn(core, { period }), timezone: core.teamTimezone, language }, t);
}

/** No figure or period among the words ("since forever", "в позапрошлом веке"): the exact syntax's "I don't know the period" fits best. */
async function noWordKnown(deps: SlackDeps, text: string): Promise<boolean> {
  const understood = await understandWords(deps.core, "metrics", text, NO_NAMES);
  if (understood.kind !== "refusal") return false;
  if (understood.problem === "nothing") return true;
  if (understood.problem !== "unknown_words") return false;
  const unknown = new Set(understood.words);
  const known = text.split(/\s+/).filter((w) => !unknown.has(w.toLowerCase().replace(/[^\p{L}\p{N}_]/gu, ""))).join(" ");
  const rest = await understandWords(deps.core, "metrics", known, NO_NAMES);
  return rest.kind === "refusal" && rest.problem === "nothing";
}
