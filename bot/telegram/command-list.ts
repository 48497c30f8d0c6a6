// The commands customers have, in one place: the menu Telegram shows
// (setMyCommands) and /help list the same ones, in the customer's language.
import type { CoreDeps } from "../../core/deps.ts";
import { localize } from "../../core/dialogues/localized-text.ts";

export interface CommandEntry {
  command: string;
  description: string;
}

type Deps = Pick<CoreDeps, "translator" | "dialogues">;

/** Ours (the bot answers them itself), each described by its command-<name> text. */
const MENU = ["start", "stop", "language", "settings", "mydata", "forget", "help"] as const;
/** /help also tells about /cancel, which only matters inside a dialogue; it needs no place in the menu. */
const HELP = ["start", "stop", "language", "settings", "mydata", "forget", "cancel"] as const;

/** The commands flow and survey files claim (flows/), named by their flow or survey. */
export function dialogueCommands(core: Deps, language: string): CommandEntry[] {
  return [
    ...core.dialogues.flows.all().flatMap((f) => f.triggers.commands.map((command) => ({ command, description: localize(f.name, language) }))),
    ...core.dialogues.surveys.all().flatMap((s) => s.commands.map((command) => ({ command, description: localize(s.name, language) }))),
  ];
}

export function menuCommands(core: Deps, language: string): CommandEntry[] {
  return [...ours(core, language, MENU), ...dialogueCommands(core, language)];
}

export function helpCommands(core: Deps, language: string): CommandEntry[] {
  return [...ours(core, language, HELP), ...dialogueCommands(core, language)];
}

function ours(core: Deps, language: string, commands: readonly string[]): CommandEntry[] {
  // /invite exists while the store runs a referral programme (flows/referrals.yaml).
  const offered = core.dialogues.referrals ? [...commands.slice(0, 4), "invite", ...commands.slice(4)] : commands;
  return offered.map((command) => ({ command, description: core.translator.t(language, `command-${command}`) }));
}
