// /send SEGMENT MESSAGE WHEN [options]: parse, draft the campaign (the core's
// draftCampaign), and answer with the pre-flight card. Nothing is scheduled
// until Schedule is pressed. Errors are worded by the error table (SEND_ERRORS).
import type { App } from "@slack/bolt";
import { installationNames } from "../../../core/language/installation-names.ts";
import { openCampaignModal } from "../actions/campaign-modal-actions.ts";
import { replies, type ErrorScope } from "../error-replies.ts";
import { replyToCommand, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { cheatSheetView } from "../views/cheat-sheet-view.ts";
import { draftCard } from "./draft-card.ts";
import { probeSendSyntax } from "./exact-send.ts";
import { parseSend } from "./parse-send.ts";
import { answerWords } from "./words.ts";

/** /send's own wording (send-error-*), then its usage and an example after a mistake in the words. */
export const SEND_ERRORS: ErrorScope = { prefix: "send-error", usage: ["send-usage", "send-example"] };

export function registerSendCommand(app: App, deps: SlackDeps): void {
  app.command("/send", async ({ command, ack, respond, client }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps, SEND_ERRORS), async () => {
      await deps.access.require(command.user_id, "send");
      // Nothing after /send: the campaign modal (opened at once, the trigger lives 3 s), and the words for those who prefer typing.
      if (/^\s*$/.test(command.text) && command.trigger_id) {
        await openCampaignModal(deps, client, { triggerId: command.trigger_id, channel: command.channel_id });
        return { text: `${deps.t("send-modal-opened")}\n${deps.t("send-usage")}\n${deps.t("send-example")}` };
      }
      return draftFromCommand(deps, command.text, command.user_id);
    });
  });
}

/** /send's words to the pre-flight card: the exact syntax, or a sentence (words.ts); throws what SEND_ERRORS words. */
export async function draftFromCommand(deps: SlackDeps, text: string, user: string): Promise<SlackReply> {
  const { core, t } = deps;
  if (/^\s*$/.test(text)) return { text: `${t("send-usage")}\n${t("send-example")}` };
  const names = await installationNames(core);
  if (/^\s*(help|помощь|справка)\s*$/i.test(text)) return cheatSheetView("/send", names, t);
  const probe = probeSendSyntax(text, names, core.clock.now(), core.teamTimezone);
  if (probe.exact) return draftExact(deps, text, user);
  return answerWords(deps, "/send", text, { run: (form) => draftExact(deps, form, user), exactInstead: probe.shaped ? () => draftExact(deps, text, user) : undefined, names });
}

/** The exact syntax to the pre-flight card. */
export async function draftExact(deps: SlackDeps, text: string, user: string): Promise<SlackReply> {
  return draftCard(deps, parseSend(text), user, `/send ${text}`);
}
