// /chatloop help (and /help where the workspace lets an app have it). Other
// words after /chatloop are a question to the app, answered as an @mention or
// a direct message would be ("/chatloop how many loyal customers do we
// have?"): a slash command works in every channel, the app invited or not.
import type { App } from "@slack/bolt";
import { answer } from "../events/messages-to-app.ts";
import { replyToCommand } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";

export function registerHelpCommand(app: App, deps: SlackDeps): void {
  for (const name of ["/chatloop", "/help"]) {
    app.command(name, async ({ command, ack, respond }) => {
      await replyToCommand({ ack, respond, command, logger: deps.core.logger }, deps.replyTexts, async () => {
        // "help" / "помощь" route to this help as a mention's do (core/language/route-words.ts).
        const words = command.text.trim();
        return words ? answer(deps, words, command.user_id) : { text: deps.t("help-text") };
      });
    });
  }
}
