// The buttons of an A/B test's card in the team channel: Send A / Send B to
// the rest now, or Wait longer. Senders only; every decision is audited by the core.
import type { App } from "@slack/bolt";
import { chooseWinner, extendTest } from "../../../core/campaigns/ab-winner.ts";
import { AB_SEND_A, AB_SEND_B, AB_WAIT } from "../action-values.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { abDecisionText } from "../views/ab-test-cards.ts";
import { formatWhen } from "../views/format.ts";
import { onButton } from "./on-button.ts";

export function registerAbTestActions(app: App, deps: SlackDeps): void {
  for (const [codec, winner] of [
    [AB_SEND_A, "A"],
    [AB_SEND_B, "B"],
  ] as const) {
    onButton(app, deps, codec, {}, async ({ value: id, user }) => {
      await deps.access.require(user, "send");
      const { name, decision } = await chooseWinner(deps.core, { id, winner, actor: user });
      return { text: abDecisionText(id, name, decision, deps), inChannel: true };
    });
  }
  onButton(app, deps, AB_WAIT, {}, async ({ value: id, user }) => {
    await deps.access.require(user, "send");
    const decideAt = await extendTest(deps.core, { id, actor: user });
    return { text: deps.t("ab-extended", { user, id, when: formatWhen(decideAt, deps.core.teamTimezone, deps.language) }), inChannel: true, replace: false };
  });
}
