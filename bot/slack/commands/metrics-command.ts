// /metrics [period] [by source | segment NAME]: the key figures of a period
// against the previous one, in English or Russian period words.
import type { App } from "@slack/bolt";
import { resolveAudience } from "../../../core/campaigns/audience.ts";
import { campaignsFinishedIn } from "../../../core/campaigns/campaigns-finished-in.ts";
import { acquisitionBySource } from "../../../core/metrics/acquisition.ts";
import { keyFigures } from "../../../core/metrics/key-figures.ts";
import type { MetricScope } from "../../../core/metrics/metric-scope.ts";
import { parsePeriodWords } from "../../../core/metrics/period-words.ts";
import { replies, type ErrorScope } from "../error-replies.ts";
import { replyToCommand } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { metricsView, sourcesView } from "../views/metrics-view.ts";

/** A period or segment it does not know: the error, then the usage. */
const METRICS_ERRORS: ErrorScope = { usage: ["metrics-usage"] };

const BY_SOURCE = /(?:^|\s+)(by source|by sources|по источникам|по источнику)$/i;
const BY_SEGMENT = /(?:^|\s+)(?:by segment|for segment|segment|по сегменту|сегмент)\s+(.+)$/i;

export function registerMetricsCommand(app: App, deps: SlackDeps): void {
  app.command("/metrics", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps, METRICS_ERRORS), async () => {
      await deps.access.require(command.user_id, "view");
      const { core, t, language } = deps;
      let text = command.text.trim();
      if (/^(help|помощь|справка)$/i.test(text)) return { text: t("metrics-usage") };
      const bySource = BY_SOURCE.test(text);
      text = text.replace(BY_SOURCE, "");
      const segmentMatch = BY_SEGMENT.exec(text);
      text = text.replace(BY_SEGMENT, "");
      const { period } = parsePeriodWords(text, core.clock.now(), core.teamTimezone);
      if (bySource) {
        const sources = await acquisitionBySource(core, { period });
        return sourcesView({ sources, from: period.from, to: period.to, timezone: core.teamTimezone, language }, t);
      }
      let scope: MetricScope;
      let scopeLabel: string | undefined;
      if (segmentMatch) {
        const audience = await resolveAudience(core, segmentMatch[1]!);
        scope = { segment: audience.definition, name: audience.text };
        scopeLabel = t("metrics-scope-segment", { segment: audience.text });
      }
      const figures = await keyFigures(core, { period, scope, language });
      return metricsView({ figures, ...(scopeLabel ? { scopeLabel } : {}), campaigns: await campaignsFinishedIn(core, { period }), timezone: core.teamTimezone, language }, t);
    });
  });
}
