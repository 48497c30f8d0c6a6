// CSV import of customers, orders, events or acquisition spend: streamed record by record
// (bounded memory whatever the file size), validated and stored in batches
// with the same set-based ingestion as the HTTP API, so running it twice
// stores nothing twice (orders by order_id, events by idempotency_key, or a
// hash of the row when the file has none; customers are matched, not duplicated).
// Bad rows go to a rejects CSV with their line number and the reason.
import crypto from "node:crypto";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { refreshCustomerStats } from "../segments/customer-stats.ts";
import { customerRefSchema } from "../subscribers/customer-identity.ts";
import { matchOrCreateCustomers } from "../subscribers/match-customers.ts";
import { importSpendRows } from "../metrics/import-spend.ts";
import { ingestEvents } from "./ingest-events.ts";
import { ingestOrders } from "./ingest-orders.ts";
import { importPromoCodes } from "../referrals/import-promo-codes.ts";
import { validateItems, type IngestSummary, type ItemResult } from "./ingest-result.ts";

export const IMPORT_KINDS = ["customers", "orders", "events", "promo_codes", "spend"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const CUSTOMER_COLUMNS = ["telegram_id", "email", "phone", "external_id", "first_name", "last_name", "language", "source"];

export interface ImportProgress {
  rows: number;
  stored: number;
  duplicates: number;
  updated: number;
  rejected: number;
  /** Bytes of the file read so far (for a percentage). */
  bytes: number;
}

export interface ImportOptions {
  input: Readable;
  /** Detected from the header when absent. */
  kind?: ImportKind;
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Receives rejected rows as CSV lines (the header line first). */
  reject: (csvLine: string) => void;
}

export interface ImportResult extends ImportProgress {
  kind: ImportKind;
}

export class CsvImportError extends DomainError {
  constructor(message: string) {
    super("csv_import", message);
  }
}

export async function importCsv(deps: CoreDeps, options: ImportOptions): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 1000;
  let bytes = 0;
  options.input.on("data", (chunk: Buffer | string) => (bytes += chunk.length));
  let kind = options.kind;
  let header: string[] | undefined;
  const onHeader = (names: string[]) => {
    header = names.map((c) => c.trim().toLowerCase());
    kind ??= detectKind(header);
    options.reject(toCsv(["line", "reason", ...header]));
    return header;
  };
  const parser = options.input.pipe(
    parse({ columns: onHeader, info: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: false, skip_records_with_error: true }),
  );
  const progress: ImportProgress = { rows: 0, stored: 0, duplicates: 0, updated: 0, rejected: 0, bytes: 0 };
  const rejectRow = (line: number, reason: string, record: Record<string, string> | undefined) => {
    progress.rejected++;
    options.reject(toCsv([String(line), reason, ...(header ?? []).map((h) => record?.[h] ?? "")]));
  };
  parser.on("skip", (err: { message: string; lines?: number }) => {
    progress.rows++;
    rejectRow(err.lines ?? 0, `unreadable CSV: ${err.message}`, undefined);
  });

  let batch: { line: number; record: Record<string, string> }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const summary = await ingestBatch(deps, kind!, rows.map((r) => r.record));
    for (const r of summary.results) {
      if (r.status === "invalid") rejectRow(rows[r.index]!.line, reasonOf(r), rows[r.index]!.record);
    }
    progress.stored += summary.stored;
    progress.duplicates += summary.duplicates;
    progress.updated += summary.updated;
    progress.bytes = bytes;
    options.onProgress?.({ ...progress });
  };

  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    progress.rows++;
    batch.push({ line: info.lines, record });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  if (!kind) throw new CsvImportError("The file is empty: no header line.");
  // RFM ranks everybody against everybody: once after the import, not per batch.
  if (kind === "orders" && progress.stored + progress.updated > 0) await refreshCustomerStats(deps);
  progress.bytes = bytes;
  return { ...progress, kind };
}

export function detectKind(header: string[]): ImportKind {
  if (header.includes("order_id")) return "orders";
  if (header.includes("promo_code")) return "promo_codes";
  if (header.includes("type") && header.includes("occurred_at")) return "events";
  if (["source", "from", "to", "amount"].every((c) => header.includes(c))) return "spend";
  if (CUSTOMER_COLUMNS.slice(0, 4).some((c) => header.includes(c))) return "customers";
  throw new CsvImportError(
    `Cannot tell what the file holds from its header (${header.join(", ")}): orders need order_id, events type and occurred_at, acquisition spend source, from, to and amount, customers one of telegram_id, email, phone, external_id. Or pass --kind.`,
  );
}

async function ingestBatch(deps: CoreDeps, kind: ImportKind, records: Record<string, string>[]): Promise<IngestSummary> {
  if (kind === "orders") return ingestOrders(deps, { items: records.map(orderItem) });
  if (kind === "events") return ingestEvents(deps, { items: records.map(eventItem) });
  if (kind === "spend") return importSpendRows(deps, records, "import:csv");
  if (kind === "promo_codes") return importPromoCodes(deps, records);
  return importCustomers(deps, records.map((r) => customerOf(r) ?? {}));
}

async function importCustomers(deps: CoreDeps, items: unknown[]): Promise<IngestSummary> {
  const { valid, invalid } = validateItems(items, customerRefSchema, () => undefined);
  // A customer already known (an earlier import, a Telegram subscriber) is "already there", not stored again.
  const { created } = await matchOrCreateCustomers(deps, valid.map((v) => v.item));
  const results: ItemResult[] = [...invalid, ...valid.map((v, i) => ({ index: v.index, status: created[i] ? ("stored" as const) : ("duplicate" as const) }))];
  const stored = created.filter(Boolean).length;
  return { stored, duplicates: valid.length - stored, updated: 0, invalid: invalid.length, results };
}

/** A row's cells as the API's JSON item: empty cells are absent, JSON columns parsed. */
function orderItem(r: Record<string, string>): unknown {
  return compact({
    order_id: r.order_id,
    customer: customerOf(r),
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    paid_at: r.paid_at,
    refunded_at: r.refunded_at,
    items: json(r.items),
  });
}

function eventItem(r: Record<string, string>): unknown {
  const properties = json(r.properties) ?? Object.fromEntries(Object.entries(r).filter(([k, v]) => k.startsWith("prop_") && v !== "").map(([k, v]) => [k.slice(5), numberOr(v)]));
  const key = r.idempotency_key || `csv:${crypto.createHash("sha256").update(JSON.stringify(r)).digest("hex").slice(0, 32)}`;
  return compact({ idempotency_key: key, type: r.type, occurred_at: r.occurred_at, properties, customer: customerOf(r) });
}

function customerOf(r: Record<string, string>): Record<string, string> | undefined {
  const c = compact(Object.fromEntries(CUSTOMER_COLUMNS.map((k) => [k, r[k] ?? r[`customer_${k}`]])));
  return Object.keys(c).length > 0 ? (c as Record<string, string>) : undefined;
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ""));
}

/** A JSON cell; a cell that is not JSON stays text, so the validator names the column. */
function json(cell: string | undefined): unknown {
  if (!cell) return undefined;
  try {
    return JSON.parse(cell);
  } catch {
    return cell;
  }
}

function numberOr(v: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

function reasonOf(r: ItemResult): string {
  return (r.errors ?? []).map((e) => `${e.path}: ${e.message}`).join("; ");
}

export function toCsv(cells: string[]): string {
  return cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}
