// The buttons of the pre-flight card and of the approval request.
import type { App } from "@slack/bolt";
import { approveCampaign, cancelCampaign, scheduleDraft } from "../../../core/campaigns/campaigns.ts";
import { discardDraft } from "../../../core/campaigns/drafts.ts";
import { preflight } from "../../../core/campaigns/preflight.ts";
import { CAMPAIGN_APPROVE, CAMPAIGN_DISCARD, CAMPAIGN_EDIT, CAMPAIGN_REJECT, CAMPAIGN_SCHEDULE } from "../action-values.ts";
import type { ErrorScope } from "../error-replies.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { approvalRequestView } from "../views/approval-request.ts";
import { formatNumber, formatWhen } from "../views/format.ts";
import { onButton } from "./on-button.ts";

/** Campaign errors in the words of campaign-error-* (then the shared error-*). */
export const CAMPAIGN_ERRORS: ErrorScope = { prefix: "campaign-error" };

export function registerCampaignActions(app: App, deps: SlackDeps): void {
  onButton(app, deps, CAMPAIGN_SCHEDULE, CAMPAIGN_ERRORS, async ({ value: id, user, client, channel }) => {
    await deps.access.require(user, "send");
    const campaign = await scheduleDraft(deps.core, { id, actor: user, requireApproval: deps.approvalRequired });
    const when = formatWhen(campaign.sendAt, deps.core.teamTimezone, deps.language);
    if (campaign.status === "pending_approval") {
      const pf = await preflight(deps.core, { campaignId: campaign.id, ratePerSecond: deps.deliveryRate });
      const request = approvalRequestView({ author: user, campaignId: campaign.id, name: campaign.name, recipients: formatNumber(pf.recipients, deps.language), when }, deps.t);
      await client.chat.postMessage({ channel: deps.teamChannel ?? channel!, text: request.text, blocks: request.blocks! });
      return { text: deps.t("campaign-submitted", { id: campaign.id, name: campaign.name }) };
    }
    return { text: deps.t("campaign-scheduled", { id: campaign.id, name: campaign.name, when }) };
  });

  onButton(app, deps, CAMPAIGN_EDIT, CAMPAIGN_ERRORS, async ({ value: { id, command }, user }) => {
    await deps.access.require(user, "send");
    await discardDraft(deps.core, { id });
    return { text: `${deps.t("campaign-edit")}\n\`\`\`${command}\`\`\`` };
  });

  onButton(app, deps, CAMPAIGN_DISCARD, CAMPAIGN_ERRORS, async ({ value: id, user }) => {
    await deps.access.require(user, "send");
    await discardDraft(deps.core, { id });
    return { text: deps.t("campaign-draft-cancelled") };
  });

  onButton(app, deps, CAMPAIGN_APPROVE, CAMPAIGN_ERRORS, async ({ value: id, user }) => {
    await deps.access.require(user, "approve");
    const campaign = await approveCampaign(deps.core, { id, actor: user });
    const when = formatWhen(campaign.sendAt, deps.core.teamTimezone, deps.language);
    return { text: deps.t("campaign-approved", { id: campaign.id, name: campaign.name, user, when }) };
  });

  onButton(app, deps, CAMPAIGN_REJECT, CAMPAIGN_ERRORS, async ({ value: id, user }) => {
    await deps.access.require(user, "approve");
    const campaign = await cancelCampaign(deps.core, { id, actor: user });
    return { text: deps.t("campaign-rejected", { id: campaign.id, name: campaign.name, user }) };
  });
}
