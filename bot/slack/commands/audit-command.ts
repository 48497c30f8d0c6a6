// /audit: the latest entries of the audit log, for admins.
import type { App } from "@slack/bolt";
import { recentAudit } from "../../../core/audit/audit-log.ts";
import { replyToCommand } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { formatWhen } from "../views/format.ts";

export function registerAuditCommand(app: App, deps: SlackDeps): void {
  app.command("/audit", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, deps.replyTexts, async () => {
      await deps.access.require(command.user_id, "admin");
      const text = command.text.trim();
      if (text !== "" && !/^\d{1,6}$/.test(text)) return { text: deps.t("audit-usage") };
      const limit = Math.min(100, Math.max(1, Number(text) || 25));
      const entries = await recentAudit(deps.core, limit);
      if (entries.length === 0) return { text: deps.t("audit-empty") };
      const lines = entries.map((e) => {
        const who = /^[UW][A-Z0-9]+$/.test(e.actor) ? `<@${e.actor}>` : e.actor;
        return `${formatWhen(e.at, deps.core.teamTimezone, deps.language)} - ${who} - \`${e.action}\`${e.target ? ` ${e.target}` : ""}`;
      });
      return { text: `*${deps.t("audit-title", { count: entries.length })}*\n${lines.join("\n")}`.slice(0, 3900) };
    });
  });
}
