// A campaign as asked for (by /send's words or the campaign modal) to its
// pre-flight card: drafted by the core's draftCampaign, rendered by
// views/preflight-card.ts. One path, so both answers are the same card.
import { draftCampaign, type DraftCampaignRequest } from "../../../core/campaigns/draft-campaign.ts";
import type { SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { preflightCard } from "../views/preflight-card.ts";

/** What /send's words and the campaign modal both fill: the core's request without who asks and how it is shown. */
export type CampaignAsked = Omit<DraftCampaignRequest, "createdBy" | "ratePerSecond" | "previewLanguage">;

/** Drafts the campaign (the core's draftCampaign) and renders its pre-flight card; `command` is the /send form Edit offers. */
export async function draftCard(deps: SlackDeps, request: CampaignAsked, user: string, command: string): Promise<SlackReply> {
  const { core, t, language } = deps;
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
      command,
      timezone: core.teamTimezone,
      language,
      rate: deps.deliveryRate,
      ...(core.dateOrder ? { dateOrder: core.dateOrder } : {}),
    },
    t,
  );
}
