// A domain error in the team's language: the core's errors carry a code and
// details; `error-<code>` in locales/<lang>/slack-basics.ftl words them. A code
// without a text falls back to the core's English message.
import { DomainError } from "../../core/errors.ts";
import type { SlackDeps } from "./slack-deps.ts";

export function domainErrorText(deps: Pick<SlackDeps, "core" | "t" | "language">, err: DomainError, prefix = "error"): string {
  const key = `${prefix}-${err.code}`;
  if (!deps.core.translator.has(deps.language ?? "en", key)) return err.message;
  return deps.t(key, { ...Object.fromEntries(Object.entries(err.details).map(([k, v]) => [k, String(v)])), message: err.message });
}
