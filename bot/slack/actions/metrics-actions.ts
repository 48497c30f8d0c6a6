// "What do these mean?" under /metrics (every figure) and under the digest
// (only the figures it shows): the definitions, to the presser only.
import type { App } from "@slack/bolt";
import { DIGEST_FIGURES } from "../../../core/digest/build-digest.ts";
import { figureDefinitions } from "../../../core/metrics/key-figures.ts";
import { METRICS_DEFINITIONS } from "../action-values.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { definitionsView } from "../views/metrics-view.ts";
import { onButton } from "./on-button.ts";

export function registerMetricsActions(app: App, deps: SlackDeps): void {
  onButton(app, deps, METRICS_DEFINITIONS, {}, async ({ value: scope, user }) => {
    await deps.access.require(user, "view");
    const all = figureDefinitions(deps.core, deps.language);
    const shown = scope === "digest" ? all.filter((f) => (DIGEST_FIGURES as readonly string[]).includes(f.key)) : all;
    return { ...definitionsView(shown, deps.t), inChannel: false, replace: false };
  });
}
