// "What do these mean?" under /metrics (every figure) and under the digest
// (only the figures it shows): the definitions, to the presser only.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { z } from "zod";
import { DIGEST_FIGURES } from "../../../core/digest/build-digest.ts";
import { figureDefinitions } from "../../../core/metrics/key-figures.ts";
import { Refusal, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { definitionsView, METRICS_HELP_ACTION } from "../views/metrics-view.ts";

/** The button's value: which figures it explains. */
export const definitionsScope = z.enum(["all", "digest"]);

export function registerMetricsActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(METRICS_HELP_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    let answer: SlackReply;
    try {
      await deps.access.require(body.user.id, "view");
      const scope = definitionsScope.catch("all").parse(action.value);
      const all = figureDefinitions(deps.core, deps.language ?? "en");
      answer = definitionsView(scope === "digest" ? all.filter((f) => (DIGEST_FIGURES as readonly string[]).includes(f.key)) : all, deps.t);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      answer = err.reply;
    }
    await respond({ text: answer.text, ...(answer.blocks ? { blocks: answer.blocks } : {}), response_type: "ephemeral", replace_original: false });
  });
}
