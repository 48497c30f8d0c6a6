// /customer show|export|erase QUERY: one customer's data for admins - the
// right of access and the right to be forgotten, exercised on a customer's
// behalf (a request by e-mail, a call). Export and erasure are audited.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { writeAudit } from "../../../core/audit/audit-log.ts";
import { eraseCustomer } from "../../../core/privacy/erase-customer.ts";
import { exportCustomerData } from "../../../core/privacy/export-customer-data.ts";
import { findCustomer } from "../../../core/privacy/find-customer.ts";
import { customerStandingOf } from "../../../core/segments/lifecycle.ts";
import { onButton } from "../actions/on-button.ts";
import { CUSTOMER_ERASE } from "../action-values.ts";
import { replies, type ErrorScope } from "../error-replies.ts";
import { Refusal, replyToCommand, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { customerEraseConfirmView } from "../views/customer-erase-view.ts";
import { formatMoney, formatWhen } from "../views/format.ts";

/** A customer it cannot find: the error, then the usage. */
const CUSTOMER_ERRORS: ErrorScope = { usage: ["customer-usage"] };

export function registerCustomerCommand(app: App, deps: SlackDeps): void {
  app.command("/customer", async ({ command, ack, respond, client }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps, CUSTOMER_ERRORS), async () => {
      await deps.access.require(command.user_id, "admin");
      const [first, ...rest] = command.text.trim().split(/\s+/);
      // `/customer Alex` (no verb) shows; `/customer show` with nothing after it is the usage.
      const verbGiven = ["show", "export", "erase"].includes(first ?? "");
      const verb = verbGiven ? first : "show";
      const query = verbGiven ? rest.join(" ") : command.text.trim();
      if (!query) throw new Refusal({ text: deps.t("customer-usage") });
      const customer = await findCustomer(deps.core, query);
      if (verb === "show") return showCustomer(deps, customer.id);
      if (verb === "export") return exportToDirectMessage(deps, client, command.user_id, customer.id);
      return customerEraseConfirmView(customer, deps.t);
    });
  });

  onButton(app, deps, CUSTOMER_ERASE, {}, async ({ value: subscriberId, user }) => {
    await deps.access.require(user, "admin");
    const result = await eraseCustomer(deps.core, { subscriberId, actor: user, reason: "team_request" });
    // A second press (or a second admin) finds them erased already, and says when.
    if (result.alreadyErased) {
      return { text: deps.t("customer-erased-card", { id: result.subscriberId, when: formatWhen(result.erasedAt, deps.core.teamTimezone, deps.language) }) };
    }
    return { text: deps.t("customer-erased", { id: String(subscriberId), user }), inChannel: true };
  });
}

async function showCustomer(deps: SlackDeps, id: number): Promise<SlackReply> {
  const data = await exportCustomerData(deps.core, id);
  const p = data.profile;
  const language = deps.language;
  if (data.erasedAt) return { text: deps.t("customer-erased-card", { id, when: formatWhen(new Date(data.erasedAt), deps.core.teamTimezone, language) }) };
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
