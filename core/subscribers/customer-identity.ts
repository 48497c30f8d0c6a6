// How an outside system names a customer: Telegram id, e-mail, phone or its
// own id. Normalized once at the boundary so that "Ann@Example.com" and
// "ann@example.com", "+49 (170) 123-45-67" and "491701234567" match.
import { z } from "zod";

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Digits only, without a leading international prefix "00" (E.164 without the "+"). */
export function normalizePhone(raw: string): string {
  return raw.replace(/\D/g, "").replace(/^00/, "");
}

const telegramId = z.union([z.number().int().positive(), z.string().regex(/^\d{1,19}$/, "expected digits")]).transform((v) => String(v));

const email = z
  .string()
  .trim()
  .max(254)
  .transform(normalizeEmail)
  .pipe(z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "expected an e-mail address"));

const phone = z
  .union([z.string(), z.number()])
  .transform((v) => normalizePhone(String(v)))
  .pipe(z.string().regex(/^\d{7,15}$/, "expected a phone number with 7-15 digits"));

const optionalName = z.string().trim().max(256).optional();

export const customerRefSchema = z
  .object({
    telegram_id: telegramId.optional(),
    email: email.optional(),
    phone: phone.optional(),
    external_id: z.string().trim().min(1).max(128).optional(),
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

