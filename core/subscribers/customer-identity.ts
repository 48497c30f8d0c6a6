// How an outside system names a customer: Telegram id, e-mail, phone or its
// own id. Contacts have ONE canonical form, whoever writes them (the bot's
// answers and shared contacts, the ingestion API, CSV import, the team's
// /customer lookup) and however they were typed, so that matching is plain
// equality: e-mail lower-cased ("Ann@Example.com" = "ann@example.com"), phone
// in E.164 with the "+" ("+49 (170) 123-45-67" = "0049 170 1234567" = "+491701234567").
import { z } from "zod";
import { freeText, storableString } from "../events/storable-text.ts";

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/;

/** The canonical e-mail (trimmed, "mailto:" dropped, lower-cased), or undefined when it is not an address. */
export function normalizeEmail(raw: string): string | undefined {
  const candidate = raw.trim().replace(/^mailto:/i, "").toLowerCase();
  if (candidate.length > 254 || !EMAIL.test(candidate)) return undefined;
  return candidate;
}

/**
 * The canonical phone number: E.164, "+" and 7-15 digits; undefined when it
 * is not one. Spaces, brackets, dots, dashes and slashes are ignored. The
 * country code is needed: written with "+" or "00", or as bare digits that
 * start with it ("491701234567"); the one exception is the Russian trunk
 * prefix, 11 digits starting with 8 ("8 900 123-45-67" = +79001234567). A
 * national number starting with 0 ("0170 1234567") says no country: refused.
 */
export function normalizePhone(raw: string): string | undefined {
  const trimmed = raw.trim().replace(/^tel:/i, "").trim();
  if (!/^\+?[\d\s()./-]+$/.test(trimmed)) return undefined;
  let digits = trimmed.replace(/\D/g, "");
  if (!trimmed.startsWith("+")) {
    if (digits.startsWith("00")) digits = digits.slice(2);
    else if (digits.length === 11 && digits.startsWith("8")) digits = `7${digits.slice(1)}`;
  }
  if (digits.length < 7 || digits.length > 15 || digits.startsWith("0")) return undefined;
  return `+${digits}`;
}

const telegramId = z.union([z.number().int().positive(), z.string().regex(/^\d{1,19}$/, "expected digits")]).transform((v) => String(v));

const email = storableString.transform((v, ctx) => {
  const normalized = normalizeEmail(v);
  if (normalized === undefined) {
    ctx.addIssue({ code: "custom", message: "expected an e-mail address" });
    return z.NEVER;
  }
  return normalized;
});

const phone = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const normalized = normalizePhone(String(v));
  if (normalized === undefined) {
    ctx.addIssue({ code: "custom", message: "expected a phone number with the country code and 7-15 digits, e.g. +49 170 1234567" });
    return z.NEVER;
  }
  return normalized;
});

const optionalName = freeText(256).optional();

export const customerRefSchema = z
  .object({
    telegram_id: telegramId.optional(),
    email: email.optional(),
    phone: phone.optional(),
    external_id: storableString.trim().min(1).max(128).optional(),
    first_name: optionalName,
    last_name: optionalName,
    language: z.enum(["en", "ru"]).optional(),
    /** Acquisition source, recorded only when the customer is created. */
    source: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected 1-64 of A-Z a-z 0-9 _ -").optional(),
  })
  .refine((c) => c.telegram_id ?? c.email ?? c.phone ?? c.external_id, {
    message: "needs at least one of telegram_id, email, phone, external_id",
  });

export type CustomerRef = z.infer<typeof customerRefSchema>;

