// How words were understood, shown with every answer to them: the exact form
// (which teaches the syntax), the choices as buttons when the words allow
// several readings, or what could not be read with the nearest known words.
import type { KnownBlock } from "@slack/types";
import type { Understanding } from "../../../core/language/understanding.ts";
import { button, WORDS_CHOICE, type NaturalCommand } from "../action-values.ts";
import type { SlackReply } from "../reply.ts";

type T = (key: string, vars?: Record<string, string | number>) => string;
type Refused = Extract<Understanding, { kind: "refusal" }>;
type Corrections = Exclude<Understanding, Refused>["corrected"];

/** Slack's limit on a button's text. */
const BUTTON_TEXT = 75;

/** The answer to the exact form, under a line saying how the words were read. */
export function withUnderstoodAs(reply: SlackReply, command: NaturalCommand, form: string, corrected: Corrections, t: T): SlackReply {
  const fixes = corrected.map((c) => t("words-corrected", { typed: c.typed, readAs: c.readAs }));
  const line = `${t("words-understood-as", { form: `${command} ${form}` })}${fixes.length ? ` (${fixes.join(", ")})` : ""}`;
  const context: KnownBlock = { type: "context", elements: [{ type: "mrkdwn", text: line.slice(0, 2900) }] };
  return { ...reply, text: `${line}\n${reply.text}`, blocks: [context, ...(reply.blocks ?? [{ type: "section", text: { type: "mrkdwn", text: reply.text.slice(0, 2900) } }])].slice(0, 50) };
}

/** The readings as buttons; pressing one runs it. */
export function choiceView(command: NaturalCommand, forms: string[], t: T): SlackReply {
  const buttons = forms.map((form) => {
    const label = `${command} ${form}`;
    return button(WORDS_CHOICE[command], { form }, label.length > BUTTON_TEXT ? `${label.slice(0, BUTTON_TEXT - 1)}…` : label);
  });
  const list = forms.map((f) => `• \`${command} ${f}\``).join("\n");
  return {
    text: `${t("words-choose")}\n${list}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `${t("words-choose")}\n${list}`.slice(0, 2900) } },
      { type: "actions", elements: buttons },
    ],
  };
}

/** Which part could not be read, the words, and the nearest known ones. */
export function refusalText(command: NaturalCommand, refused: Refused, t: T): string {
  const words = refused.words.map((w) => `"${w}"`).join(", ");
  const kind = refused.part === "question" ? "question" : "audience";
  let text: string;
  switch (refused.problem) {
    case "unknown_words":
      text = t(`words-unknown-${kind}`, { words });
      break;
    case "dangling":
      text = t(`words-dangling-${kind}`, { words });
      break;
    case "nothing":
      text = t(`words-nothing-${kind}`);
      break;
    default:
      text = t(`words-${refused.problem}`, { words });
  }
  const suggestions = refused.suggestions.map((s) => `\`${s}\``).join(", ");
  return [text, suggestions ? t("words-did-you-mean", { suggestions }) : "", t("words-help-hint", { command })].filter(Boolean).join(" ");
}
