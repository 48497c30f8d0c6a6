// Pieces every customer card shares: the customer's name and contacts, orders,
// the "Open profile" button and the thread hint. Pure functions of data.
import type { KnownBlock, SectionBlock } from "@slack/types";
import { button, OPEN_PROFILE } from "../action-values.ts";
import { localize, type LocalizedText } from "../../../core/dialogues/localized-text.ts";
import type { AnsweredQuestion, CustomerCard, OrdersSummary } from "../../../core/ports.ts";
import type { Translate } from "../../../core/i18n.ts";

export interface CardContext {
  t: Translate;
  /** The team's language (SLACK_LANGUAGE). */
  language: string;
}


const SECTION_LIMIT = 3000;
const FIELD_LIMIT = 2000;
const HEADER_LIMIT = 150;

/** Slack mrkdwn treats &, < and > as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

export function customerName(customer: CustomerCard, t: Translate): string {
  return customer.name ?? (customer.username ? `@${customer.username}` : t("slack-customer-unnamed", { id: customer.subscriberId }));
}

export function contactsOf(customer: CustomerCard, t: Translate): string {
  const parts = [
    customer.phone,
    customer.email,
    customer.username ? `<https://t.me/${customer.username}|@${customer.username}>` : undefined,
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.map((p) => (p.startsWith("<https://t.me/") ? p : escapeMrkdwn(p))).join(" · ") : t("slack-no-contacts");
}

/** A date the way each reader's Slack shows dates, with a plain fallback. */
export function slackDate(date: Date): string {
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty}|${date.toISOString().slice(0, 10)}>`;
}

export function money(total: string, currency: string | null): string {
  const [whole = "0", cents] = total.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const amount = cents && cents !== "00" ? `${grouped}.${cents}` : grouped;
  return currency ? `${amount} ${currency}` : amount;
}

export function orderFields(orders: OrdersSummary, t: Translate): string[] {
  if (orders.count === 0) return [field(t("slack-field-orders"), t("slack-orders-none"))];
  return [
    field(t("slack-field-orders"), String(orders.count)),
    field(t("slack-field-total"), money(orders.total, orders.currency)),
    ...(orders.lastOrderAt ? [field(t("slack-field-last-order"), slackDate(orders.lastOrderAt))] : []),
  ];
}

export function field(label: string, value: string): string {
  return truncate(`*${label}*\n${value}`, FIELD_LIMIT);
}

export function header(text: string): KnownBlock {
  return { type: "header", text: { type: "plain_text", text: truncate(text, HEADER_LIMIT), emoji: true } };
}

export function fieldsSection(fields: string[]): KnownBlock[] {
  // Slack allows 10 fields per section.
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += 10) {
    blocks.push({ type: "section", fields: fields.slice(i, i + 10).map((text) => ({ type: "mrkdwn", text })) });
  }
  return blocks;
}

export function textSection(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, SECTION_LIMIT) } };
}

/** Questions and answers, as many sections as the text needs. */
export function answersSections(title: string, answers: AnsweredQuestion[], ctx: CardContext): KnownBlock[] {
  if (answers.length === 0) return [];
  const lines = answers.map((a) => `*${escapeMrkdwn(localize(a.question, ctx.language))}*\n${a.skipped ? ctx.t("slack-skipped") : escapeMrkdwn(localize(a.answer, ctx.language))}`);
  const sections: KnownBlock[] = [];
  let current = `*${title}*`;
  for (const line of lines) {
    if (current.length + line.length + 2 > SECTION_LIMIT) {
      sections.push(textSection(current));
      current = line;
    } else {
      current = `${current}\n\n${line}`;
    }
  }
  sections.push(textSection(current));
  return sections;
}

export function profileButton(customer: CustomerCard, t: Translate): KnownBlock {
  return {
    type: "actions",
    elements: [button(OPEN_PROFILE, customer.subscriberId, t("slack-open-profile"))],
  };
}

export function threadHint(t: Translate): KnownBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: t("slack-thread-hint") }] };
}

export function named(text: LocalizedText, ctx: CardContext): string {
  return localize(text, ctx.language);
}
