// /send SEGMENT MESSAGE WHEN [options]: parse, draft the campaign (the core's
// draftCampaign), and answer with the pre-flight card. Nothing is scheduled
// until Schedule is pressed. Errors are worded by the error table (SEND_ERRORS).
import type { App } from "@slack/bolt";
import { draftCampaign } from "../../../core/campaigns/draft-campaign.ts";
import { installationNames } from "../../../core/language/installation-names.ts";
import { replies, type ErrorScope } from "../error-replies.ts";
import { replyToCommand, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { cheatSheetView } from "../views/cheat-sheet-view.ts";
import { preflightCard } from "../views/preflight-card.ts";
import { probeSendSyntax } from "./exact-send.ts";
import { parseSend } from "./parse-send.ts";
import { answerWords } from "./words.ts";

/** /send's own wording (send-error-*), then its usage and an example after a mistake in the words. */
export const SEND_ERRORS: ErrorScope = { prefix: "send-error", usage: ["send-usage", "send-example"] };

export function registerSendCommand(app: App, deps: SlackDeps): void {
  app.command("/send", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps, SEND_ERRORS), async () => {
      await deps.access.require(command.user_id, "send");
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
  const { core, t, language } = deps;
  const request = parseSend(text);
  const draft = await draftCampaign(core, { ...request, createdBy: user, ratePerSecond: deps.deliveryRate, previewLanguage: language });
  return preflightCard(
    {
      campaignId: draft.campaign.id,
      name: draft.campaign.name,
      segmentText: draft.audience.text,
      preflight: draft.preflight,
      ...(draft.preview.A ? { previewA: draft.preview.A } : {}),
      ...(draft.preview.B ? { previewB: draft.preview.B } : {}),
      ...(request.survey ? { otherContent: t("preflight-survey", { id: request.survey }) } : request.flow ? { otherContent: t("preflight-flow", { id: request.flow }) } : {}),
      cost: request.cost ?? null,
      approvalRequired: deps.approvalRequired,
      command: `/send ${text}`,
      timezone: core.teamTimezone,
      language,
      rate: deps.deliveryRate,
      ...(core.dateOrder ? { dateOrder: core.dateOrder } : {}),
    },
    t,
  );
}
