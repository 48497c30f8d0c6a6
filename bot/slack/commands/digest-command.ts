// /digest now [period]: the digest, posted in this channel (charts in its
// thread). /digest preview [period]: the same, shown only to the caller - the
// message as an ephemeral answer, the charts in their direct messages with the
// app (Slack shows uploaded files to a whole channel, never ephemerally).
// The period is in the words /metrics takes; nothing given = last week.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { writeAudit } from "../../../core/audit/audit-log.ts";
import { buildDigest } from "../../../core/digest/build-digest.ts";
import { renderDigestCharts } from "../../../core/digest/digest-charts.ts";
import { parsePeriodWords } from "../../../core/metrics/period-words.ts";
import { digestSections } from "../../digest/digest-sections.ts";
import { replies, type ErrorScope } from "../error-replies.ts";
import { replyToCommand, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { uploadCharts } from "../slack-digest-outlet.ts";
import { digestView } from "../views/digest-view.ts";

/** A period it does not know: the error, then the usage; Slack refusing the post: digest-error-cannot_post. */
const DIGEST_ERRORS: ErrorScope = { prefix: "digest-error", usage: ["digest-usage"] };

export function registerDigestCommand(app: App, deps: SlackDeps): void {
  app.command("/digest", async ({ command, ack, respond, client }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps, DIGEST_ERRORS), async () => {
      await deps.access.require(command.user_id, "view");
      const text = command.text.trim();
      const verb = (text.split(/\s+/)[0] ?? "").toLowerCase();
      if (verb !== "now" && verb !== "preview") return { text: deps.t("digest-usage") };
      return runDigestCommand(deps, client, { verb, periodWords: text.slice(verb.length).trim(), user: command.user_id, channel: command.channel_id });
    });
  });
}

async function runDigestCommand(
  deps: SlackDeps,
  client: WebClient,
  input: { verb: "now" | "preview"; periodWords: string; user: string; channel: string },
): Promise<SlackReply> {
  const { core } = deps;
  const { period } = parsePeriodWords(input.periodWords, core.clock.now(), core.teamTimezone);
  // A channel that receives the weekly digest gets it in its language; elsewhere the team's.
  const language = input.verb === "now" ? (deps.digestLanguages?.get(input.channel) ?? deps.language) : deps.language;
  const t = (key: string, vars?: Record<string, string | number>) => core.translator.t(language, key, vars);
  const digest = await buildDigest(core, { period });
  const charts = renderDigestCharts(core, digest, language);
  const sections = digestSections(digest, { translator: core.translator, language, timezone: core.teamTimezone });
  if (input.verb === "preview") {
    const dm = await client.conversations.open({ users: input.user });
    await uploadCharts(client, { channel: dm.channel!.id!, comment: t("digest-preview-dm", { period: sections.period }), charts });
    const view = digestView(sections, { withChartsNote: false });
    return { text: view.text, blocks: [...view.blocks!, { type: "context", elements: [{ type: "mrkdwn", text: `:bar_chart: ${t("digest-preview-charts")}` }] }] };
  }
  const view = digestView(sections, { withChartsNote: true });
  // Not in the channel (or it is archived): answered with digest-error-cannot_post by the error table.
  const posted = await client.chat.postMessage({ channel: input.channel, text: view.text, blocks: view.blocks!, unfurl_links: false, unfurl_media: false });
  await uploadCharts(client, { channel: posted.channel ?? input.channel, threadTs: posted.ts!, comment: sections.chartsComment, charts });
  await writeAudit(core, {
    actor: `slack:${input.user}`,
    action: "digest.posted",
    target: `slack:${input.channel}`,
    details: { from: period.from.toISOString(), to: period.to.toISOString(), language },
  });
  return { text: t("digest-posted", { period: sections.period }) };
}
