// A reading chosen from the buttons offered for ambiguous words: runs that
// exact form, as the command would, under "Understood as: ...".
import type { App } from "@slack/bolt";
import { WORDS_CHOICE, type NaturalCommand } from "../action-values.ts";
import { runMetricsCommand, METRICS_ERRORS } from "../commands/metrics-command.ts";
import { runSegmentCommand } from "../commands/segment-command.ts";
import { draftExact, SEND_ERRORS } from "../commands/send-command.ts";
import type { ErrorScope } from "../error-replies.ts";
import type { SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { withUnderstoodAs } from "../views/understood-view.ts";
import { onButton } from "./on-button.ts";

const RUNNERS: Record<NaturalCommand, { role: "view" | "send"; scope: ErrorScope; run: (deps: SlackDeps, form: string, user: string) => Promise<SlackReply> }> = {
  "/segment": {
    role: "view",
    scope: {},
    run: async (deps, form, user) => runSegmentCommand(deps, form, user, (await deps.access.permissions(user)).has("see_pii")),
  },
  "/send": { role: "send", scope: SEND_ERRORS, run: draftExact },
  "/metrics": { role: "view", scope: METRICS_ERRORS, run: (deps, form) => runMetricsCommand(deps, form) },
};

export function registerWordsChoiceActions(app: App, deps: SlackDeps): void {
  for (const command of Object.keys(RUNNERS) as NaturalCommand[]) {
    const runner = RUNNERS[command];
    onButton(app, deps, WORDS_CHOICE[command], runner.scope, async ({ value, user }) => {
      await deps.access.require(user, runner.role);
      return { ...withUnderstoodAs(await runner.run(deps, value.form, user), command, value.form, [], deps.t), replace: true };
    });
  }
}
