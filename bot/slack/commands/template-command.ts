// /template list | save NAME "text" [--button "Label | url"] | delete NAME
import type { App } from "@slack/bolt";
import { deleteTemplate, listTemplates, saveTemplate } from "../../../core/campaigns/templates.ts";
import { localize } from "../../../core/campaigns/message-template.ts";
import { DomainError } from "../../../core/errors.ts";
import { Refusal, replyToCommand } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { tokenize } from "./parse-send.ts";

export function registerTemplateCommand(app: App, deps: SlackDeps): void {
  app.command("/template", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, deps.replyTexts, async () => {
      const usage = () => new Refusal({ text: deps.t("template-usage") });
      let tokens;
      try {
        tokens = tokenize(command.text);
      } catch {
        throw usage();
      }
      const [verb, name, ...rest] = tokens;
      const language = deps.language ?? "en";
      if (!verb || verb.value === "list") {
        await deps.access.require(command.user_id, "view");
        const templates = await listTemplates(deps.core);
        if (templates.length === 0) return { text: deps.t("template-list-empty") };
        return { text: `*${deps.t("template-list-title")}*\n${templates.map((x) => `• *${x.name}*: ${localize(x.message.text, language)}`).join("\n")}` };
      }
      await deps.access.require(command.user_id, "send");
      try {
        if (verb.value === "save" && name && !name.quoted && rest[0]?.quoted) {
          const buttons = [];
          for (let i = 1; i < rest.length; i += 2) {
            const m = rest[i]?.value === "--button" ? /^(.+?)\s*\|\s*(https?:\/\/\S+)$/.exec(rest[i + 1]?.value ?? "") : null;
            if (!m) throw usage();
            buttons.push({ text: m[1]!.trim(), url: m[2]! });
          }
          await saveTemplate(deps.core, { name: name.value, message: { text: rest[0].value, ...(buttons.length ? { buttons } : {}) }, actor: command.user_id });
          return { text: deps.t("template-saved", { name: name.value }) };
        }
        if (verb.value === "delete" && name && rest.length === 0) {
          await deleteTemplate(deps.core, { name: name.value, actor: command.user_id });
          return { text: deps.t("template-deleted", { name: name.value }) };
        }
      } catch (err) {
        if (err instanceof DomainError) throw new Refusal({ text: deps.t("template-not-found", { name: name?.value ?? "" }) });
        if ((err as { name?: string }).name === "ZodError") throw new Refusal({ text: `${(err as { issues: { message: string }[] }).issues[0]?.message}\n${deps.t("template-usage")}` });
        throw err;
      }
      throw usage();
    });
  });
}
