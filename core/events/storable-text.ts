// What PostgreSQL can store as text and jsonb: no NUL character (U+0000) and
// no lone UTF-16 surrogate. Validation decides per value, so one such value
// is that item's or that row's problem, never its batch's: free text is
// cleaned (NUL dropped, a lone surrogate becomes U+FFFD - nothing a reader
// loses), an identifier is refused with the reason (a cleaned key would
// name another order or event).
import { z } from "zod";

const NUL = new RegExp(String.fromCharCode(0), "g");
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(text: string): string {
  return text.replace(NUL, "").replace(LONE_SURROGATE, "\ufffd");
}

/** Free text from outside (a name, a note): cleaned, then the usual trimming and bounds. */
export function freeText(max: number, min = 0) {
  return z.string().transform(cleanText).pipe(z.string().trim().min(min).max(max));
}

/** Why a key cannot be stored as given, or undefined when it can. */
export function unstorableReason(text: string): string | undefined {
  if (text.includes("\u0000")) return "contains a NUL character (\\u0000), which cannot be stored";
  if (new RegExp(LONE_SURROGATE.source).test(text)) return "contains a lone UTF-16 surrogate (broken Unicode), which cannot be stored";
  return undefined;
}

/** An identifier from outside (an idempotency key, an order id, an external id): refused, not changed, when unstorable. */
export const storableString = z.string().superRefine((text, ctx) => {
  const reason = unstorableReason(text);
  if (reason) ctx.addIssue({ code: "custom", message: reason });
});

/** A JSON value from outside (event properties, order lines): every string and key in it cleaned. */
export function cleanJson(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanJson(v)]));
  return value;
}
