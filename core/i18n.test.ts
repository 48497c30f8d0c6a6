import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { createTranslator, LOCALES_DIR, localeFiles, pickLanguage } from "./i18n.ts";
import { createLogger } from "./logger.ts";

const keysOf = (language: string) =>
  localeFiles(LOCALES_DIR, language)
    .flatMap((file) => fs.readFileSync(file, "utf8").split("\n"))
    .map((line) => /^([a-z][\w-]*)\s*=/.exec(line)?.[1])
    .filter((k): k is string => Boolean(k))
    .sort();

describe("locales", () => {
  test("English and Russian have exactly the same messages, in the same files", () => {
    expect(keysOf("ru")).toEqual(keysOf("en"));
    const names = (language: string) => localeFiles(LOCALES_DIR, language).map((f) => path.basename(f));
    expect(names("ru")).toEqual(names("en"));
  });

  test("every message parses (a stray * or [ at a line start silently drops one)", () => {
    for (const language of ["en", "ru"]) {
      const bundle = new FluentBundle(language, { useIsolating: false });
      for (const file of localeFiles(LOCALES_DIR, language)) bundle.addResource(new FluentResource(fs.readFileSync(file, "utf8")));
      const broken = keysOf(language).filter((key) => !bundle.hasMessage(key) || bundle.getMessage(key)?.value === null);
      expect({ language, broken }).toEqual({ language, broken: [] });
    }
  });

  test("no message is defined twice", () => {
    const keys = keysOf("en");
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  test("Telegram language codes map to the languages we speak", () => {
    expect(["ru", "ru-RU", "uk", "be", "en", "en-GB", "de", undefined].map(pickLanguage)).toEqual(["ru", "ru", "ru", "ru", "en", "en", "en", "en"]);
  });

  test("variables are substituted without invisible isolation marks", () => {
    const t = createTranslator();
    expect(t.t("en", "consent-question", { name: "Ann", brand: "Shop" })).toMatch(/^Hi, Ann! I'm the Shop assistant\./);
    expect(t.t("de", "consent-no")).toBe("No, thanks");
  });

  test("a message formatted without one of its variables is logged with its key, not dropped silently", () => {
    const lines: string[] = [];
    const t = createTranslator(undefined, createLogger("warn", { write: (line: string) => void lines.push(line) }));
    expect(t.t("en", "consent-question", { brand: "Shop" })).toMatch(/^Hi, \{\$name\}! I'm the Shop assistant\./);
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
      { level: 40, key: "consent-question", language: "en", errors: ["Unknown variable: $name"], msg: "a message could not be formatted fully" },
    ]);
  });
});
