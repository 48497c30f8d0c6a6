// The words of /spend, in English or Russian:
//   SOURCE AMOUNT PERIOD [reach N]   instagram_bio 8000 november reach 5000
//                                    instagram_bio 8 000 за ноябрь охват 5000
//   list [PERIOD]                    list last quarter · список
//   delete ID                        delete 12 · удалить 12
// PERIOD is read as /metrics reads it (period-words.ts); a calendar month,
// week or quarter covers all its days, even the part still to come.
import { DomainError } from "../errors.ts";
import { acquisitionSpendSchema, spendDays, type AcquisitionSpendInput } from "./acquisition-spend.ts";
import { parsePeriodWords } from "./period-words.ts";
import type { Period } from "./period.ts";

export type SpendRequest =
  | { kind: "record"; spend: AcquisitionSpendInput }
  | { kind: "list"; period?: Period }
  | { kind: "delete"; id: number }
  | { kind: "help" };

export class InvalidSpendText extends DomainError {
  constructor(reason: "missing_source" | "bad_amount" | "missing_period" | "bad_reach" | "bad_id", text: string) {
    super("invalid_spend_text", `Cannot read "${text}" as spend: ${reason.replace(/_/g, " ")}.`, { reason, text });
  }
}

export function parseSpendText(text: string, now: Date, timezone: string): SpendRequest {
  const words = text.trim().replace(/\s+/g, " ");
  if (words === "" || /^(help|помощь|справка)$/i.test(words)) return { kind: "help" };
  const list = /^(?:list|список|показать)(?: (.+))?$/i.exec(words);
  if (list) return list[1] ? { kind: "list", period: parsePeriodWords(list[1], now, timezone).period } : { kind: "list" };
  const del = /^(?:delete|remove|удалить)(?: (.*))?$/i.exec(words);
  if (del) {
    const id = /^#?(\d{1,9})$/.exec(del[1] ?? "");
    if (!id) throw new InvalidSpendText("bad_id", text);
    return { kind: "delete", id: Number(id[1]) };
  }
  const m = /^(\S+) ((?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,]\d{1,2})?)(?: (.*?))?(?: (?:reach|contacted|охват) (\S+))?$/i.exec(words);
  if (!m) {
    if (!/^\S+ \d/.test(words)) throw new InvalidSpendText(/^\S+$/.test(words) || !/\d/.test(words) ? "bad_amount" : "missing_source", text);
    throw new InvalidSpendText("bad_amount", text);
  }
  const source = m[1]!;
  if (!acquisitionSpendSchema.shape.source.safeParse(source).success) throw new InvalidSpendText("missing_source", text);
  const amount = Number(m[2]!.replace(/[ \u00a0]/g, "").replace(",", "."));
  if (!m[3]) throw new InvalidSpendText("missing_period", text);
  let contacted: number | undefined;
  if (m[4] !== undefined) {
    if (!/^\d{1,11}$/.test(m[4])) throw new InvalidSpendText("bad_reach", text);
    contacted = Number(m[4]);
  }
  const { period } = parsePeriodWords(m[3], now, timezone);
  const days = spendDays(period, timezone);
  return { kind: "record", spend: { source, amount, ...days, ...(contacted === undefined ? {} : { contacted }) } };
}
