// /chatloop help (and /help where the workspace lets an app have it).
import type { App } from "@slack/bolt";
import { replyToCommand } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";

export function registerHelpCommand(app: App, deps: SlackDeps): void {
  for (const name of ["/chatloop", "/help"]) {
    app.command(name, async ({ command, ack, respond }) => {
      await replyToCommand({ ack, respond, command, logger: deps.core.logger }, deps.replyTexts, async () => ({ text: deps.t("help-text") }));
    });
  }
}
