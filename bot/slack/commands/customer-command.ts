// /customer show|export|erase QUERY: one customer's data for admins - the
// right of access and the right to be forgotten, exercised on a customer's
// behalf (a request by e-mail, a call). Export and erasure are audited.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { writeAudit } from "../../../core/audit/audit-log.ts";
import { DomainError } from "../../../core/errors.ts";
import { eraseCustomer } from "../../../core/privacy/erase-customer.ts";
import { exportCustomerData } from "../../../core/privacy/export-customer-data.ts";
import { findCustomer } from "../../../core/privacy/find-customer.ts";
import { customerStandingOf } from "../../../core/segments/lifecycle.ts";
import { domainErrorText } from "../error-text.ts";
import { Refusal, replyToCommand, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { formatMoney, formatWhen } from "../views/format.ts";

export function registerCustomerCommand(app: App, deps: SlackDeps): void {
  app.command("/customer", async ({ command, ack, respond, client }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, deps.replyTexts, async () => {
      await deps.access.require(command.user_id, "admin");
      const [verb, ...rest] = command.text.trim().split(/\s+/);
      const query = rest.join(" ");
      if (!verb || !query || !["show", "export", "erase"].includes(verb)) throw new Refusal({ text: deps.t("customer-usage") });
      try {
        const customer = await findCustomer(deps.core, query);
        if (verb === "show") return showCustomer(deps, customer.id);
        if (verb === "export") return exportToDirectMessage(deps, client, command.user_id, customer.id);
        const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ") || `#${customer.id}`;
        const text = deps.t("customer-erase-confirm", { id: customer.id, name });
        return {
          text,
          blocks: [
            { type: "section", text: { type: "mrkdwn", text } },
            { type: "actions", elements: [{ type: "button", style: "danger", action_id: "customer_erase", value: String(customer.id), text: { type: "plain_text", text: deps.t("customer-erase-button") } }] },
          ],
        };
      } catch (err) {
        if (err instanceof DomainError) throw new Refusal({ text: `${domainErrorText(deps, err)}\n${deps.t("customer-usage")}` });
        throw err;
      }
    });
  });

  app.action<BlockAction<ButtonAction>>("customer_erase", async ({ ack, body, action, respond }) => {
    await ack();
    const user = body.user.id;
    try {
      await deps.access.require(user, "admin");
      const result = await eraseCustomer(deps.core, { subscriberId: Number(action.value), actor: user, reason: "team_request" });
      // A second press (or a second admin) finds them erased already, and says when.
      if (result.alreadyErased) {
        await respond({ text: deps.t("customer-erased-card", { id: result.subscriberId, when: formatWhen(result.erasedAt, deps.core.teamTimezone, deps.language) }), replace_original: true });
        return;
      }
      await respond({ text: deps.t("customer-erased", { id: action.value ?? "", user }), replace_original: true, response_type: "in_channel" });
    } catch (err) {
      if (!(err instanceof Refusal)) deps.core.logger.error({ err }, "erasing a customer failed");
      await respond({ text: err instanceof Refusal ? err.reply.text : deps.t("slack-error"), replace_original: false, response_type: "ephemeral" });
    }
  });
}

async function showCustomer(deps: SlackDeps, id: number): Promise<SlackReply> {
  const data = await exportCustomerData(deps.core, id);
  const p = data.profile;
  const language = deps.language;
  const erasedAt = (await deps.core.db.prisma.subscriber.findUniqueOrThrow({ where: { id } })).erasedAt;
  if (erasedAt) return { text: deps.t("customer-erased-card", { id, when: formatWhen(erasedAt, deps.core.teamTimezone, language) }) };
  const standing = await customerStandingOf(deps.core, id);
  const dash = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
  return {
    text: deps.t("customer-card", {
      id,
      name: dash([p.firstName, p.lastName].filter(Boolean).join(" ")),
      telegram: p.username ? `@${String(p.username)}` : dash(p.telegramId),
      email: dash(p.email),
      phone: dash(p.phone),
      language: dash(p.language),
      source: dash(p.source),
      consent: deps.t(`seg-consent-${data.consent.status}`),
      orders: data.orders.count,
      // One figure per currency: a sum across currencies means nothing.
      total: data.orders.totals.length > 0 ? data.orders.totals.map((x) => `${formatMoney(x.amount, language)} ${x.currency}`).join(" + ") : formatMoney(0, language),
      stage: deps.t(`seg-stage-${standing.stage}`),
    }),
  };
}

async function exportToDirectMessage(deps: SlackDeps, client: WebClient, user: string, id: number): Promise<SlackReply> {
  const data = await exportCustomerData(deps.core, id);
  const dm = await client.conversations.open({ users: user });
  await client.filesUploadV2({
    channel_id: dm.channel!.id!,
    file: Buffer.from(JSON.stringify(data, null, 2)),
    filename: `customer-${id}.json`,
    title: deps.t("customer-export-title", { id }),
  });
  await writeAudit(deps.core, { actor: user, action: "customer.exported", target: `subscriber:${id}` });
  return { text: deps.t("customer-exported", { id }) };
}
