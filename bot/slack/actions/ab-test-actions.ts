// The buttons of an A/B test's card in the team channel: Send A / Send B to
// the rest now, or Wait longer. Senders only; every press is audited by the core.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { z } from "zod";
import { chooseWinner, extendTest } from "../../../core/campaigns/ab-winner.ts";
import { DomainError } from "../../../core/errors.ts";
import { domainErrorText } from "../error-text.ts";
import { Refusal } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { abDecisionText, AB_ACTIONS } from "../views/ab-test-cards.ts";
import { formatWhen } from "../views/format.ts";

/** A campaign id, as the card's buttons carry it. */
const campaignIdValue = z.coerce.number().int().positive().max(2_147_483_647);

export function registerAbTestActions(app: App, deps: SlackDeps): void {
  const on = (actionId: string, run: (id: number, user: string) => Promise<{ text: string; replace: boolean }>) =>
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const user = body.user.id;
      try {
        const id = campaignIdValue.parse(action.value);
        await deps.access.require(user, "send");
        const answer = await run(id, user);
        await respond({ text: answer.text, replace_original: answer.replace, response_type: "in_channel" });
      } catch (err) {
        const text = err instanceof DomainError ? domainErrorText(deps, err) : err instanceof Refusal ? err.reply.text : deps.t("slack-error");
        if (!(err instanceof Refusal) && !(err instanceof DomainError)) deps.core.logger.error({ err, actionId }, "A/B test action failed");
        await respond({ text, replace_original: false, response_type: "ephemeral" });
      }
    });
  const choose = (winner: "A" | "B") => async (id: number, user: string) => {
    const { name, decision } = await chooseWinner(deps.core, { id, winner, actor: user });
    return { text: abDecisionText(id, name, decision, deps), replace: true };
  };
  on(AB_ACTIONS.sendA, choose("A"));
  on(AB_ACTIONS.sendB, choose("B"));
  on(AB_ACTIONS.wait, async (id, user) => {
    const decideAt = await extendTest(deps.core, { id, actor: user });
    return { text: deps.t("ab-extended", { user, id, when: formatWhen(decideAt, deps.core.teamTimezone, deps.language) }), replace: false };
  });
}
