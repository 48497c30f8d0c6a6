// A marketing message as the team writes it: text with {first_name}-style
// placeholders, optionally per language, and up to three link buttons. It is
// rendered per recipient at send time, in the recipient's language.
import { z } from "zod";
import { DEFAULT_LANGUAGE, pickLanguage, type Translator } from "../i18n.ts";
import type { OutgoingMessage } from "../ports.ts";

export const PLACEHOLDERS = ["first_name", "last_name", "name"] as const;

const localizedText = z.union([
  z.string().trim().min(1),
  z.object({ en: z.string().trim().min(1), ru: z.string().trim().min(1).optional() }),
]);

const placeholdersIn = (t: z.infer<typeof localizedText>) =>
  (typeof t === "string" ? [t] : Object.values(t)).flatMap((text) => [...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!));

/** A template schema that accepts the standard placeholders plus `extra` ones (filled in before sending). */
export function messageTemplateSchemaWith(extra: readonly string[] = []) {
  const allowed = [...PLACEHOLDERS, ...extra];
  return z.object({
    text: localizedText.refine((t) => placeholdersIn(t).every((p) => allowed.includes(p)), {
      message: `unknown placeholder; use ${allowed.map((p) => `{${p}}`).join(", ")}`,
    }),
    buttons: z
      .array(z.object({ text: localizedText, url: z.string().url().refine((u) => /^https?:\/\//.test(u), { message: "expected an http(s) URL" }) }))
      .max(3)
      .optional(),
  });
}

export const messageTemplateSchema = messageTemplateSchemaWith();
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const campaignMessageSchema = z.object({
  A: messageTemplateSchema,
  B: messageTemplateSchema.optional(),
});
export type CampaignMessage = z.infer<typeof campaignMessageSchema>;

export interface RecipientProfile {
  firstName: string | null;
  lastName: string | null;
  language: string;
}

/** Replaces `{key}` placeholders in every language of the text and button labels. */
export function fillPlaceholders(template: MessageTemplate, values: Record<string, string>): MessageTemplate {
  const fill = (t: z.infer<typeof localizedText>): z.infer<typeof localizedText> =>
    typeof t === "string"
      ? t.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)
      : (Object.fromEntries(Object.entries(t).map(([lang, v]) => [lang, v.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)])) as typeof t);
  return { text: fill(template.text), ...(template.buttons ? { buttons: template.buttons.map((b) => ({ ...b, text: fill(b.text) })) } : {}) };
}

export function localize(text: z.infer<typeof localizedText>, language: string): string {
  if (typeof text === "string") return text;
  const lang = pickLanguage(language);
  return (lang === "ru" ? text.ru : undefined) ?? text[DEFAULT_LANGUAGE] ?? "";
}

/**
 * Renders the template for one recipient. `link(i, url)` turns button i's URL
 * into the URL actually sent (a tracked redirect).
 */
export function renderTemplate(
  template: MessageTemplate,
  recipient: RecipientProfile,
  translator: Translator,
  link: (index: number, url: string) => string = (_i, url) => url,
): OutgoingMessage {
  const fallbackName = translator.t(recipient.language, "personalization-fallback-name");
  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    first_name: recipient.firstName?.trim() || fallbackName,
    last_name: recipient.lastName?.trim() ?? "",
    name: [recipient.firstName, recipient.lastName].filter(Boolean).join(" ").trim() || fallbackName,
  };
  const text = localize(template.text, recipient.language).replace(/\{(\w+)\}/g, (_m, key: string) => (values as Record<string, string | undefined>)[key] ?? "");
  const buttons = template.buttons?.map((b, i) => [{ text: localize(b.text, recipient.language), url: link(i, b.url) }]);
  return { text: text.replace(/[ \t]{2,}/g, " ").replace(/ ([,.!?])/g, "$1").trim(), ...(buttons?.length ? { buttons } : {}) };
}
