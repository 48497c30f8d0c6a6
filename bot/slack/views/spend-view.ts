// /spend: what was recorded, the entries of a period, what was deleted.
import type { Translate } from "../../../core/i18n.ts";
import type { SpendEntry } from "../../../core/metrics/acquisition-spend.ts";
import type { SlackReply } from "../reply.ts";
import { formatFigureValue } from "./figure-format.ts";
import { formatNumber } from "./format.ts";

type T = Translate;

const day = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language === "ru" ? "ru-RU" : "en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

function entryVars(e: SpendEntry, currency: string | null, language: string, t: T) {
  return {
    id: e.id,
    source: e.source,
    amount: formatFigureValue("money", e.amount, language, t, currency),
    from: day(e.from, language),
    to: day(e.to, language),
    contacted: e.contacted === null ? "none" : formatNumber(e.contacted, language),
  };
}

export function spendRecordedView(e: SpendEntry, currency: string | null, language: string, t: T): SlackReply {
  return { text: t("spend-recorded", entryVars(e, currency, language, t)) };
}

export function spendDeletedView(e: SpendEntry, currency: string | null, language: string, t: T): SlackReply {
  return { text: t("spend-deleted", entryVars(e, currency, language, t)) };
}

export function spendListView(entries: SpendEntry[], input: { currency: string | null; period: string | null; language: string }, t: T): SlackReply {
  const period = input.period ?? "all";
  if (entries.length === 0) return { text: t("spend-list-empty", { period }) };
  const lines = entries.map((e) => t("spend-list-line", { ...entryVars(e, input.currency, input.language, t), by: e.createdBy }));
  const text = `*${t("spend-list-title", { period })}*\n${lines.join("\n")}`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 2900) } }] };
}
