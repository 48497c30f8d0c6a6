// /customer erase asks first: who would be erased, and a button to confirm.
import { button, CUSTOMER_ERASE } from "../action-values.ts";
import type { SlackReply } from "../reply.ts";
import type { Translate } from "../../../core/i18n.ts";

export function customerEraseConfirmView(customer: { id: number; firstName: string | null; lastName: string | null }, t: Translate): SlackReply {
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ") || `#${customer.id}`;
  const text = t("customer-erase-confirm", { id: customer.id, name });
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      { type: "actions", elements: [button(CUSTOMER_ERASE, customer.id, t("customer-erase-button"), "danger")] },
    ],
  };
}
