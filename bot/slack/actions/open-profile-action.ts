// "Open profile" on a customer card: the customer's profile in a modal, for whoever clicked.
import type { App, BlockButtonAction } from "@slack/bolt";
import { customerProfile } from "../../../core/subscribers/customer-profile.ts";
import { OPEN_PROFILE } from "../action-values.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { customerProfileView } from "../views/customer-profile-view.ts";

export function registerOpenProfileAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(OPEN_PROFILE.actionId, async ({ ack, action, body, client }) => {
    await ack();
    const subscriberId = OPEN_PROFILE.decode(action.value);
    if (subscriberId === undefined || !body.trigger_id) {
      deps.core.logger.warn({ value: action.value?.slice(0, 200) }, "malformed open-profile action ignored");
      return;
    }
    const profile = await customerProfile(deps.core, subscriberId);
    await client.views.open({ trigger_id: body.trigger_id, view: customerProfileView(profile, { t: deps.t, language: deps.language }) });
  });
}
