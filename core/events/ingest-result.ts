// What ingestion answers for every item of a batch: stored, a duplicate of
// something already stored (a retry), updated (a refund of a known order), or
// invalid with the field paths and reasons. Shared by the HTTP API and the CSV import.
import type { z } from "zod";

export type ItemStatus = "stored" | "duplicate" | "updated" | "invalid";

export interface FieldError {
  /** Where inside the item, e.g. "customer.email" or "items[0].price". */
  path: string;
  message: string;
}

export interface ItemResult {
  index: number;
  status: ItemStatus;
  /** The item's idempotency key, when it had a readable one. */
  key?: string;
  errors?: FieldError[];
}

export interface IngestSummary {
  stored: number;
  duplicates: number;
  updated: number;
  invalid: number;
  results: ItemResult[];
}

export const MAX_BATCH = 1000;

export function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, p) => (typeof p === "number" ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)), "") || "(item)";
}

export interface Validated<T> {
  valid: { index: number; item: T }[];
  invalid: ItemResult[];
}

export function validateItems<S extends z.ZodType>(items: unknown[], schema: S, keyOf: (raw: unknown) => string | undefined): Validated<z.infer<S>> {
  const out: Validated<z.infer<S>> = { valid: [], invalid: [] };
  items.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.valid.push({ index, item: parsed.data });
    else {
      const key = keyOf(raw);
      out.invalid.push({
        index,
        status: "invalid",
        ...(key ? { key } : {}),
        errors: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })),
      });
    }
  });
  return out;
}

export function summarize(results: ItemResult[]): IngestSummary {
  const sorted = [...results].sort((a, b) => a.index - b.index);
  const count = (s: ItemStatus) => sorted.filter((r) => r.status === s).length;
  return { stored: count("stored"), duplicates: count("duplicate"), updated: count("updated"), invalid: count("invalid"), results: sorted };
}

/** The string under `field` of a raw (unvalidated) item, to name it in an error. */
export function rawKey(field: string): (raw: unknown) => string | undefined {
  return (raw) => {
    if (typeof raw !== "object" || raw === null) return undefined;
    const v = (raw as Record<string, unknown>)[field];
    return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
  };
}
