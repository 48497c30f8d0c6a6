// /spend SOURCE AMOUNT PERIOD [reach N] | list [PERIOD] | delete ID: the
// acquisition spend behind CAC, in English or Russian words. Entering and
// deleting is for senders (audited in the core); listing for anyone who may look.
import type { App } from "@slack/bolt";
import { runSpendRequest } from "../../../core/metrics/run-spend-request.ts";
import { parseSpendText } from "../../../core/metrics/spend-text.ts";
import { replies, type ErrorScope } from "../error-replies.ts";
import { replyToCommand } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { periodLabel } from "../views/metrics-view.ts";
import { spendDeletedView, spendListView, spendRecordedView } from "../views/spend-view.ts";

/** Words it cannot read, a period it does not know: the error, then the usage. */
export const SPEND_ERRORS: ErrorScope = { usage: ["spend-usage"] };

export function registerSpendCommand(app: App, deps: SlackDeps): void {
  app.command("/spend", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps, SPEND_ERRORS), async () => {
      const { core, t, language } = deps;
      const request = parseSpendText(command.text, core.clock.now(), core.teamTimezone);
      await deps.access.require(command.user_id, request.kind === "list" || request.kind === "help" ? "view" : "send");
      const outcome = await runSpendRequest(core, request, command.user_id);
      switch (outcome.kind) {
        case "help":
          return { text: t("spend-usage") };
        case "recorded":
          return spendRecordedView(outcome.entry, outcome.currency, language, t);
        case "deleted":
          return spendDeletedView(outcome.entry, outcome.currency, language, t);
        case "listed": {
          const period = request.kind === "list" && request.period ? periodLabel(request.period.from, request.period.to, language, core.teamTimezone) : null;
          return spendListView(outcome.entries, { currency: outcome.currency, period, language }, t);
        }
      }
    });
  });
}
