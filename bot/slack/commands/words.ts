// Words after /segment, /send or /metrics that are not the command's exact
// syntax: the core understands them (core/language); one reading runs as if
// its exact form had been typed, under "Understood as: ..."; several become
// buttons; words it cannot read are named, with the nearest known ones -
// unless they look like an attempt at the exact syntax, whose own error
// (with the caret under the problem) is then the better answer.
import type { InstallationNames } from "../../../core/language/installation-names.ts";
import { understandWords } from "../../../core/language/understand.ts";
import type { Command } from "../../../core/language/vocabulary.ts";
import type { NaturalCommand } from "../action-values.ts";
import { Refusal, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { choiceView, refusalText, withUnderstoodAs } from "../views/understood-view.ts";

const GRAMMAR: Record<NaturalCommand, Command> = { "/segment": "segment", "/send": "send", "/metrics": "metrics" };

export interface WordsOptions {
  /** Runs an exact form (the understood one, or a pressed choice). */
  run: (form: string) => Promise<SlackReply>;
  /** When the words are not understood: the exact syntax's own answer, if they look like it. */
  exactInstead?: (() => Promise<SlackReply>) | undefined;
  names?: InstallationNames;
}

export async function answerWords(deps: SlackDeps, command: NaturalCommand, text: string, options: WordsOptions): Promise<SlackReply> {
  const understood = await understandWords(deps.core, GRAMMAR[command], text, options.names);
  switch (understood.kind) {
    case "exact":
      return withUnderstoodAs(await options.run(understood.form), command, understood.form, understood.corrected, deps.t);
    case "choice":
      return choiceView(command, understood.forms, deps.t);
    case "refusal":
      // An unquoted message: the words say it better than the exact syntax's error about the time or the template.
      if (options.exactInstead && understood.problem !== "unquoted_message") return options.exactInstead();
      throw new Refusal({ text: refusalText(command, understood, deps.t) });
  }
}
