// A domain error in the team's language: the core's errors carry a code and
// details; `<prefix>-<code>` words them (the first prefix with a text wins:
// a command's own wording, e.g. send-error-*, then the shared error-* of
// locales/<lang>/slack-basics.ftl). A code without any text falls back to the
// core's English message.
import type { DomainError } from "../../core/errors.ts";
import type { SlackDeps } from "./slack-deps.ts";

export function domainErrorText(deps: Pick<SlackDeps, "core" | "t" | "language">, err: DomainError, prefixes: readonly string[] = ["error"]): string {
  const key = prefixes.map((prefix) => `${prefix}-${err.code}`).find((k) => deps.core.translator.has(deps.language, k));
  if (!key) return err.message;
  return deps.t(key, { ...Object.fromEntries(Object.entries(err.details).map(([k, v]) => [k, String(v)])), message: err.message });
}
