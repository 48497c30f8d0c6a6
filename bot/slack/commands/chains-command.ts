// /chains [show ID | pause ID [hold|skip] | resume ID]: see what trigger chains
// send and earn, and stop one that misfires without editing files.
import type { App } from "@slack/bolt";
import { chainDetail, chainSummaries } from "../../../core/chains/chain-report.ts";
import { ChainNotFound, pauseChain, resumeChain } from "../../../core/chains/chain-state.ts";
import { replies } from "../error-replies.ts";
import { Refusal, replyToCommand } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { chainDetailView, chainListView } from "../views/chain-views.ts";

export function registerChainsCommand(app: App, deps: SlackDeps): void {
  app.command("/chains", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps), async () => {
      const [verbText = "list", id, mode, ...extra] = command.text.trim().split(/\s+/).filter(Boolean);
      const verb = verbText.toLowerCase();
      const usage = () => new Refusal({ text: deps.t("chains-usage") });
      const chains = deps.core.chains ?? [];
      if (["help", "помощь", "справка"].includes(verb)) return { text: deps.t("chains-usage") };
      if (verb === "list" || verb === "список") {
        await deps.access.require(command.user_id, "view");
        return chainListView(await chainSummaries(deps.core, chains), deps.t, deps.language);
      }
      if (!["show", "pause", "resume"].includes(verb) || !id || extra.length > 0) throw usage();
      if (mode !== undefined && (verb !== "pause" || !["hold", "skip"].includes(mode.toLowerCase()))) throw usage();
      if (verb === "show") {
        await deps.access.require(command.user_id, "view");
        const detail = await chainDetail(deps.core, chains, id);
        if (!detail) throw new ChainNotFound(id, chains.map((c) => c.id));
        return chainDetailView(detail, deps.t, deps.core.teamTimezone, deps.language);
      }
      await deps.access.require(command.user_id, "send");
      const actor = command.user_id;
      if (verb === "pause") {
        const pauseMode = mode?.toLowerCase() === "skip" ? "skip" : "hold";
        const { held } = await pauseChain(deps.core, { chains, chainId: id, mode: pauseMode, actor });
        return { text: deps.t("chain-paused", { id, user: actor, held, mode: deps.t(`chain-paused-${pauseMode}`) }), inChannel: true };
      }
      const r = await resumeChain(deps.core, { chains, chainId: id, actor });
      return { text: deps.t("chain-resumed", { id, user: actor, due: r.due, released: r.released, dropped: r.dropped }), inChannel: true };
    });
  });
}
