// The buttons of the pre-flight card and of the approval request.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { approveCampaign, cancelCampaign, requireCampaign, scheduleDraft } from "../../../core/campaigns/campaigns.ts";
import { preflight } from "../../../core/campaigns/preflight.ts";
import { DomainError } from "../../../core/errors.ts";
import { Refusal } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { formatNumber, formatWhen } from "../views/format.ts";

type Handler = (args: { deps: SlackDeps; user: string; value: string; client: WebClient; channel: string | undefined }) => Promise<{ text: string; replace?: boolean }>;

export function registerCampaignActions(app: App, deps: SlackDeps): void {
  const on = (actionId: string, handler: Handler) =>
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const user = body.user.id;
      let answer: { text: string; replace?: boolean };
      try {
        answer = await handler({ deps, user, value: action.value ?? "", client, channel: body.channel?.id });
      } catch (err) {
        answer = { text: explain(deps, err, action.value ?? ""), replace: false };
        if (!(err instanceof Refusal) && !(err instanceof DomainError)) deps.core.logger.error({ err, actionId }, "campaign action failed");
      }
      await respond({ text: answer.text, replace_original: answer.replace ?? true, response_type: "ephemeral" });
    });

  on("campaign_schedule", async ({ deps, user, value, client, channel }) => {
    await deps.access.require(user, "send");
    const campaign = await scheduleDraft(deps.core, { id: Number(value), actor: user, requireApproval: deps.approvalRequired });
    const when = formatWhen(campaign.sendAt, deps.core.teamTimezone, deps.language ?? "en");
    if (campaign.status === "pending_approval") {
      const pf = await preflight(deps.core, { campaignId: campaign.id, ratePerSecond: deps.deliveryRate });
      const text = deps.t("campaign-approval-request", { author: user, id: campaign.id, name: campaign.name, recipients: formatNumber(pf.recipients, deps.language ?? "en"), when });
      await client.chat.postMessage({
        channel: deps.teamChannel ?? channel!,
        text,
        blocks: [
          { type: "section", text: { type: "mrkdwn", text } },
          {
            type: "actions",
            elements: [
              { type: "button", style: "primary", action_id: "campaign_approve", value: String(campaign.id), text: { type: "plain_text", text: deps.t("campaign-approve") } },
              { type: "button", style: "danger", action_id: "campaign_reject", value: String(campaign.id), text: { type: "plain_text", text: deps.t("campaign-reject") } },
            ],
          },
        ],
      });
      return { text: deps.t("campaign-submitted", { id: campaign.id, name: campaign.name }) };
    }
    return { text: deps.t("campaign-scheduled", { id: campaign.id, name: campaign.name, when }) };
  });

  on("campaign_edit", async ({ deps, user, value }) => {
    const { id, command } = JSON.parse(value) as { id: number; command: string };
    await deps.access.require(user, "send");
    await discardDraft(deps, id, user);
    return { text: `${deps.t("campaign-edit")}\n\`\`\`${command}\`\`\`` };
  });

  on("campaign_discard", async ({ deps, user, value }) => {
    await deps.access.require(user, "send");
    await discardDraft(deps, Number(value), user);
    return { text: deps.t("campaign-draft-cancelled") };
  });

  on("campaign_approve", async ({ deps, user, value }) => {
    await deps.access.require(user, "approve");
    const campaign = await approveCampaign(deps.core, { id: Number(value), actor: user });
    const when = formatWhen(campaign.sendAt, deps.core.teamTimezone, deps.language ?? "en");
    return { text: deps.t("campaign-approved", { id: campaign.id, name: campaign.name, user, when }) };
  });

  on("campaign_reject", async ({ deps, user, value }) => {
    await deps.access.require(user, "approve");
    const campaign = await cancelCampaign(deps.core, { id: Number(value), actor: user });
    return { text: deps.t("campaign-rejected", { id: campaign.id, name: campaign.name, user }) };
  });
}

async function discardDraft(deps: SlackDeps, id: number, user: string): Promise<void> {
  const campaign = await requireCampaign(deps.core, id);
  if (campaign.status === "draft") await cancelCampaign(deps.core, { id, actor: user });
}

export function explain(deps: SlackDeps, err: unknown, value: string): string {
  if (err instanceof Refusal) return err.reply.text;
  if (err instanceof DomainError) {
    const id = (err.details.id as number | undefined) ?? value;
    const status = err.details.status ? deps.t(`campaign-status-${String(err.details.status)}`) : "";
    return deps.t(`campaign-error-${err.code}`, { id: String(id), status });
  }
  return deps.t("slack-error");
}
