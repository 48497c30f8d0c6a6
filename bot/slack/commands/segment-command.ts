// /segment: look at the audiences. `list` is the built-in consent audiences with live sizes.
import type { App } from "@slack/bolt";
import { countConsentAudiences } from "../../../core/segments/consent-audiences.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { replyToCommand } from "../reply.ts";
import { audiencesView } from "../views/audiences-view.ts";

export function registerSegmentCommand(app: App, deps: SlackDeps): void {
  app.command("/segment", async ({ command, ack, respond }) => {
    const t = deps.t;
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, deps.replyTexts, async () => {
      const [verb = "list"] = command.text.trim().split(/\s+/).filter(Boolean);
      if (verb === "list") return audiencesView(await countConsentAudiences(deps.core), t);
      return { text: t("segment-usage") };
    });
  });
}
