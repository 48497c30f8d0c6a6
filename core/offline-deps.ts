// CoreDeps for command-line tools (CSV import, benchmarks, backups) that work
// on the data without talking to customers or the team: no channel, no
// notifier, no dialogues, silent logs - each can be overridden.
import { systemClock } from "./clock.ts";
import type { Database } from "./db/database.ts";
import type { CoreDeps } from "./deps.ts";
import { DEFAULT_POLICY } from "./delivery/contact-policy.ts";
import { noDialogues } from "./dialogues/dialogue-catalog.ts";
import { createTranslator } from "./i18n.ts";
import { silentLogger } from "./logger.ts";
import { unconfiguredChannel, unconfiguredNotifier } from "./ports.ts";

export function offlineCoreDeps(db: Database, overrides: Partial<CoreDeps> = {}): CoreDeps {
  return {
    db,
    clock: systemClock,
    logger: silentLogger,
    translator: createTranslator(),
    teamTimezone: "UTC",
    channel: unconfiguredChannel(() => {}),
    notifier: unconfiguredNotifier(() => {}),
    policy: DEFAULT_POLICY,
    dialogues: noDialogues(),
    ...overrides,
  };
}
