// Acquisition spend from a CSV (npm run import -- spend.csv): one row per
// source and days, columns source, from, to (YYYY-MM-DD, inclusive, the
// team's timezone), amount and optionally contacted (the reach). A row the
// database already holds unchanged is "already there"; a row for the same
// source and days with another amount or reach corrects it ("updated"); each
// change is audited like /spend.
import type { CoreDeps } from "../deps.ts";
import { validateItems, type IngestSummary, type ItemResult } from "../events/ingest-result.ts";
import { acquisitionSpendSchema, listAcquisitionSpend, recordAcquisitionSpend } from "./acquisition-spend.ts";

export const SPEND_COLUMNS = ["source", "from", "to", "amount", "contacted"] as const;

export async function importSpendRows(deps: CoreDeps, records: Record<string, string>[], actor: string): Promise<IngestSummary> {
  const items = records.map((r) => ({
    source: r.source,
    from: r.from,
    to: r.to,
    amount: number(r.amount),
    ...(r.contacted ? { contacted: number(r.contacted) } : {}),
  }));
  const { valid, invalid } = validateItems(items, acquisitionSpendSchema, () => undefined);
  // What is there already, in one read: the entries overlapping the batch's days.
  const known = new Map<string, { amount: number; contacted: number | null }>();
  if (valid.length > 0) {
    const days = valid.map((v) => v.item);
    const first = days.reduce((a, d) => (d.from < a ? d.from : a), days[0]!.from);
    const last = days.reduce((a, d) => (d.to > a ? d.to : a), days[0]!.to);
    for (const e of await listAcquisitionSpend(deps, { days: { from: first, to: last } })) known.set(`${e.source}|${e.from}|${e.to}`, e);
  }
  const results: ItemResult[] = [...invalid];
  for (const { index, item } of valid) {
    const existing = known.get(`${item.source}|${item.from}|${item.to}`);
    if (existing && existing.amount === item.amount && existing.contacted === (item.contacted ?? null)) {
      results.push({ index, status: "duplicate" });
      continue;
    }
    await recordAcquisitionSpend(deps, { ...item, actor });
    known.set(`${item.source}|${item.from}|${item.to}`, { amount: item.amount, contacted: item.contacted ?? null });
    results.push({ index, status: existing ? "updated" : "stored" });
  }
  const count = (s: ItemResult["status"]) => results.filter((r) => r.status === s).length;
  return { stored: count("stored"), duplicates: count("duplicate"), updated: count("updated"), invalid: invalid.length, results };
}

/** A number cell; anything else stays as it is so the validator names the column. */
function number(cell: string | undefined): unknown {
  if (cell === undefined || cell === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(cell.trim()) ? Number(cell) : cell;
}
