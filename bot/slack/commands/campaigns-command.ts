// /campaigns [drafts | show|pause|resume|cancel ID]: follow and steer campaigns.
import type { App } from "@slack/bolt";
import { campaignReport } from "../../../core/campaigns/campaign-report.ts";
import { cancelCampaign, pauseCampaign, requireCampaign, resumeCampaign } from "../../../core/campaigns/campaigns.ts";
import { countOpenDrafts, listDrafts } from "../../../core/campaigns/drafts.ts";
import { listCampaigns } from "../../../core/campaigns/list-campaigns.ts";
import { CAMPAIGN_ERRORS } from "../actions/campaign-actions.ts";
import { replies } from "../error-replies.ts";
import { Refusal, replyToCommand, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { campaignDraftsView, campaignListView, campaignReportView } from "../views/campaign-views.ts";

/** Campaign ids are 32-bit integers: anything larger is a typo, answered with the usage. */
const MAX_ID = 2_147_483_647;

export function registerCampaignsCommand(app: App, deps: SlackDeps): void {
  app.command("/campaigns", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps, CAMPAIGN_ERRORS), () => runCampaignsCommand(deps, command.text, command.user_id));
  });
}

/** /campaigns' words, whoever asks; `readOnly` (a message to the app) answers list, drafts and show only. */
export async function runCampaignsCommand(deps: SlackDeps, text: string, user: string, options: { readOnly?: boolean } = {}): Promise<SlackReply> {
  const { core, t, language } = deps;
  const [verbText = "list", idText, ...extra] = text.trim().split(/\s+/).filter(Boolean);
  const verb = verbText.toLowerCase();
  if (verb === "list" || verb === "") {
    await deps.access.require(user, "view");
    return campaignListView(await listCampaigns(core), t, core.teamTimezone, language, await countOpenDrafts(core));
  }
  if (verb === "drafts" && idText === undefined) {
    await deps.access.require(user, "view");
    return campaignDraftsView(await listDrafts(core), t, core.teamTimezone, language);
  }
  const id = Number(idText?.replace(/^#/, ""));
  if (!["show", "pause", "resume", "cancel"].includes(verb) || !Number.isInteger(id) || id <= 0 || id > MAX_ID || extra.length > 0) {
    throw new Refusal({ text: t("campaigns-usage") });
  }
  if (verb === "show") {
    await deps.access.require(user, "view");
    const campaign = await requireCampaign(core, id);
    return campaignReportView(await campaignReport(core, id), campaign.sendAt, t, core.teamTimezone, language);
  }
  // Steering a campaign is the slash command's (and its buttons'), never a message's.
  if (options.readOnly) return { text: t("mention-use-command", { command: `/campaigns ${verb} ${id}` }) };
  await deps.access.require(user, "send");
  if (verb === "pause") await pauseCampaign(core, { id, actor: user });
  if (verb === "resume") await resumeCampaign(core, { id, actor: user });
  if (verb === "cancel") await cancelCampaign(core, { id, actor: user });
  return { text: t(verb === "pause" ? "campaign-paused" : verb === "resume" ? "campaign-resumed" : "campaign-cancelled", { id }), inChannel: true };
}
