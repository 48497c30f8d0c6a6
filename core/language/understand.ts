// The entry point for any place words arrive (slash commands, and later
// mentions and direct messages): this installation's names, the clock, and
// the command's grammar. Returns the exact form to run, choices, or a refusal.
import type { CoreDeps } from "../deps.ts";
import { installationNames, type InstallationNames } from "./installation-names.ts";
import { understandMetrics } from "./understand-metrics.ts";
import { understandSegment } from "./understand-segment.ts";
import { understandSend } from "./understand-send.ts";
import type { UnderstandContext, Understanding } from "./understanding.ts";
import type { Command } from "./vocabulary.ts";

export async function understandWords(deps: CoreDeps, command: Command, text: string, names?: InstallationNames): Promise<Understanding> {
  return understandIn(command, text, { names: names ?? (await installationNames(deps)), now: deps.clock.now(), timezone: deps.teamTimezone });
}

/** The same, for a context already at hand (the corpus, a message routed between commands). */
export function understandIn(command: Command, text: string, context: UnderstandContext): Understanding {
  switch (command) {
    case "segment":
      return understandSegment(text, context);
    case "send":
      return understandSend(text, context);
    case "metrics":
      return understandMetrics(text, context);
  }
}
