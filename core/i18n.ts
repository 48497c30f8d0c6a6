// Text lives in locales/<language>/*.ftl, one file per feature. The core
// renders team- and customer-facing text through this translator (the Telegram
// bot reads the same files through @grammyjs/i18n). Unknown locales and
// missing messages fall back to English.
import fs from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Logger } from "./logger.ts";

export const LOCALES_DIR = path.resolve(import.meta.dirname, "../locales");
export const SUPPORTED_LANGUAGES = ["en", "ru"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

export type TextVariables = Record<string, FluentVariable>;

/** The translator bound to one language: what views and messages are written with. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface Translator {
  t(language: string, key: string, variables?: TextVariables): string;
  has(language: string, key: string): boolean;
}

/** Maps Telegram's language_code (or any tag) to a language we have text for. */
export function pickLanguage(code: string | null | undefined): Language {
  const base = (code ?? "").toLowerCase().split(/[-_]/)[0];
  // Belarusian, Ukrainian and Kazakh speakers usually read Russian better than English.
  if (base === "ru" || base === "be" || base === "uk" || base === "kk") return "ru";
  return SUPPORTED_LANGUAGES.includes(base as Language) ? (base as Language) : DEFAULT_LANGUAGE;
}

export function isLanguage(value: string): value is Language {
  return SUPPORTED_LANGUAGES.includes(value as Language);
}

/**
 * Loads every language's messages. A message that cannot be formatted fully
 * (a variable not given, an unknown term) still returns its text, with the
 * gap marked the way Fluent does; the problem is logged as a warning with
 * the key (console when no logger is given).
 */
export function createTranslator(dir: string = LOCALES_DIR, logger?: Logger): Translator {
  const bundles = new Map<string, FluentBundle>();
  for (const language of SUPPORTED_LANGUAGES) {
    const bundle = new FluentBundle(language, { useIsolating: false });
    for (const file of localeFiles(dir, language)) {
      const errors = bundle.addResource(new FluentResource(fs.readFileSync(file, "utf8")));
      if (errors.length > 0) throw new Error(`${path.relative(process.cwd(), file)}: ${errors[0]!.message}`);
    }
    bundles.set(language, bundle);
  }
  const bundleFor = (language: string) => bundles.get(pickLanguage(language))!;
  return {
    has(language, key) {
      return bundleFor(language).hasMessage(key);
    },
    t(language, key, variables) {
      let bundle = bundleFor(language);
      if (!bundle.hasMessage(key)) bundle = bundles.get(DEFAULT_LANGUAGE)!;
      const message = bundle.getMessage(key);
      if (!message?.value) return key;
      const errors: Error[] = [];
      const text = bundle.formatPattern(message.value, variables, errors);
      if (errors.length > 0) {
        const problem = { key, language, errors: [...new Set(errors.map((e) => e.message))] };
        if (logger) logger.warn(problem, "a message could not be formatted fully");
        else console.warn(`a message could not be formatted fully: ${JSON.stringify(problem)}`);
      }
      return text;
    },
  };
}

/** The .ftl files of one language, in a stable order. */
export function localeFiles(dir: string, language: string): string[] {
  const folder = path.join(dir, language);
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(".ftl"))
    .sort()
    .map((f) => path.join(folder, f));
}
