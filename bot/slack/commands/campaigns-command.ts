// /campaigns [show|pause|resume|cancel ID]: follow and steer campaigns.
import type { App } from "@slack/bolt";
import { campaignReport } from "../../../core/campaigns/campaign-report.ts";
import { cancelCampaign, pauseCampaign, requireCampaign, resumeCampaign } from "../../../core/campaigns/campaigns.ts";
import { DomainError } from "../../../core/errors.ts";
import { explain } from "../actions/campaign-actions.ts";
import { Refusal, replyToCommand, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { campaignListView, campaignReportView } from "../views/campaign-views.ts";

/** Campaign ids are 32-bit integers: anything larger is a typo, answered with the usage. */
const MAX_ID = 2_147_483_647;

export function registerCampaignsCommand(app: App, deps: SlackDeps): void {
  app.command("/campaigns", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, deps.replyTexts, async () => {
      const [verbText = "list", idText, ...extra] = command.text.trim().split(/\s+/).filter(Boolean);
      const verb = verbText.toLowerCase();
      const usage = () => new Refusal({ text: deps.t("campaigns-usage") });
      if (verb === "list" || verb === "") {
        await deps.access.require(command.user_id, "view");
        return listCampaigns(deps);
      }
      const id = Number(idText?.replace(/^#/, ""));
      if (!["show", "pause", "resume", "cancel"].includes(verb) || !Number.isInteger(id) || id <= 0 || id > MAX_ID || extra.length > 0) throw usage();
      try {
        if (verb === "show") {
          await deps.access.require(command.user_id, "view");
          const campaign = await requireCampaign(deps.core, id);
          return campaignReportView(await campaignReport(deps.core, id), campaign.sendAt, deps.t, deps.core.teamTimezone, deps.language ?? "en");
        }
        await deps.access.require(command.user_id, "send");
        const actor = command.user_id;
        if (verb === "pause") await pauseCampaign(deps.core, { id, actor });
        if (verb === "resume") await resumeCampaign(deps.core, { id, actor });
        if (verb === "cancel") await cancelCampaign(deps.core, { id, actor });
        return { text: deps.t(verb === "pause" ? "campaign-paused" : verb === "resume" ? "campaign-resumed" : "campaign-cancelled", { id }), inChannel: true };
      } catch (err) {
        if (err instanceof DomainError) throw new Refusal({ text: explain(deps, err, String(id)) });
        throw err;
      }
    });
  });
}

async function listCampaigns(deps: SlackDeps): Promise<SlackReply> {
  const rows = await deps.core.db.prisma.$queryRawUnsafe<{ id: number; name: string; status: string; send_at: Date; sent: number; total: number }[]>(
    `SELECT c.id, c.name, c.status::text AS status, c.send_at,
            count(d.id) FILTER (WHERE d.status = 'sent')::int AS sent,
            count(d.id) FILTER (WHERE d.status <> 'held_out')::int AS total
       FROM campaign c LEFT JOIN delivery d ON d.campaign_id = c.id
      WHERE c.status <> 'draft'
      GROUP BY c.id
      ORDER BY CASE c.status WHEN 'running' THEN 0 WHEN 'paused' THEN 1 WHEN 'pending_approval' THEN 2 WHEN 'scheduled' THEN 3 ELSE 4 END, c.send_at DESC
      LIMIT 25`,
  );
  return campaignListView(
    rows.map((r) => ({ id: r.id, name: r.name, status: r.status, sendAt: r.send_at, sent: r.sent, total: r.total })),
    deps.t,
    deps.core.teamTimezone,
    deps.language ?? "en",
  );
}
