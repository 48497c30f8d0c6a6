// /template list | save NAME "text" [--button "Label | url"] | delete NAME
import type { App } from "@slack/bolt";
import { deleteTemplate, listTemplates, saveTemplate } from "../../../core/campaigns/templates.ts";
import { localize } from "../../../core/campaigns/message-template.ts";
import { replies, type ErrorScope } from "../error-replies.ts";
import { Refusal, replyToCommand } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { tokenize } from "./parse-send.ts";

/** A template that is not valid: the problem, then the usage. */
const TEMPLATE_ERRORS: ErrorScope = { prefix: "template-error", usage: ["template-usage"] };

export function registerTemplateCommand(app: App, deps: SlackDeps): void {
  app.command("/template", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps, TEMPLATE_ERRORS), async () => {
      const usage = () => new Refusal({ text: deps.t("template-usage") });
      const tokens = tokenize(command.text);
      if (!tokens) throw usage();
      const [verb, name, ...rest] = tokens;
      if (!verb || verb.value === "list") {
        await deps.access.require(command.user_id, "view");
        const templates = await listTemplates(deps.core);
        if (templates.length === 0) return { text: deps.t("template-list-empty") };
        return { text: `*${deps.t("template-list-title")}*\n${templates.map((x) => `• *${x.name}*: ${localize(x.message.text, deps.language)}`).join("\n")}` };
      }
      await deps.access.require(command.user_id, "send");
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
      throw usage();
    });
  });
}
