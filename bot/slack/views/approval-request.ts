// The request a campaign's author posts for approval (CAMPAIGN_APPROVAL=required):
// who wants to send what to how many and when, with Approve / Reject.
import { button, CAMPAIGN_APPROVE, CAMPAIGN_REJECT } from "../action-values.ts";
import type { SlackReply } from "../reply.ts";
import type { Translate } from "../../../core/i18n.ts";

export interface ApprovalRequestInput {
  author: string;
  campaignId: number;
  name: string;
  /** Already formatted in the team's language. */
  recipients: string;
  when: string;
}

export function approvalRequestView(input: ApprovalRequestInput, t: Translate): SlackReply {
  const text = t("campaign-approval-request", { author: input.author, id: input.campaignId, name: input.name, recipients: input.recipients, when: input.when });
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      { type: "actions", elements: [button(CAMPAIGN_APPROVE, input.campaignId, t("campaign-approve"), "primary"), button(CAMPAIGN_REJECT, input.campaignId, t("campaign-reject"), "danger")] },
    ],
  };
}
