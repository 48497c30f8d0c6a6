// "Open profile" on a customer card: the customer's profile in a modal, for whoever clicked.
import type { App, BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import { customerProfile } from "../../../core/subscribers/customer-profile.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { OPEN_PROFILE_ACTION } from "../views/card-parts.ts";
import { customerProfileView } from "../views/customer-profile-view.ts";

const pressSchema = z.object({ action: z.object({ value: z.string().regex(/^\d{1,10}$/) }), body: z.object({ trigger_id: z.string().min(1) }) });

export function registerOpenProfileAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(OPEN_PROFILE_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const press = pressSchema.safeParse({ action, body });
    if (!press.success) {
      deps.core.logger.warn({ issues: press.error.issues }, "malformed open-profile action ignored");
      return;
    }
    const profile = await customerProfile(deps.core, Number(press.data.action.value));
    await client.views.open({ trigger_id: press.data.body.trigger_id, view: customerProfileView(profile, { t: deps.t, language: deps.language }) });
  });
}
