// How a flow question looks to the customer: its text in their language and
// the buttons its type needs (options, Done, Yes/No, Skip, share contact).
import type { Translator } from "../i18n.ts";
import type { OutgoingButton, OutgoingMessage } from "../ports.ts";
import { localize } from "../dialogues/localized-text.ts";
import type { FlowDefinition, FlowStep } from "./flow-definition.ts";
import { packFlowButton, type FlowAction } from "./flow-buttons.ts";

export interface QuestionSession {
  id: number;
  turn: number;
  selection: number[];
}

export function questionMessage(translator: Translator, step: FlowStep, session: QuestionSession, language: string): OutgoingMessage {
  const t = (key: string) => translator.t(language, key);
  const button = (text: string, action: FlowAction): OutgoingButton => ({ text, data: packFlowButton(session, action) });
  const text = localize(step.text, language);
  const skipRow = step.optional ? [[button(t("flow-skip"), { kind: "skip" })]] : [];
  switch (step.type) {
    case "single":
      return { text, buttons: [...step.options.map((o, i) => [button(localize(o.label, language), { kind: "option", index: i })]), ...skipRow] };
    case "multiple":
      return { text, buttons: multipleChoiceButtons(translator, step, session, language) };
    case "yesno":
      return { text, buttons: [[button(t("flow-yes"), { kind: "option", index: 0 }), button(t("flow-no"), { kind: "option", index: 1 })], ...skipRow] };
    case "phone":
      // The share-contact control is a reply keyboard; Skip rides on it as a text button.
      return { text, requestContact: { label: t("flow-share-phone"), ...(step.optional ? { skipLabel: t("flow-skip") } : {}) } };
    default:
      return skipRow.length > 0 ? { text, buttons: skipRow } : { text };
  }
}

/** The options with ✓ on the toggled ones, then Done (and Skip). */
export function multipleChoiceButtons(
  translator: Translator,
  step: Extract<FlowStep, { type: "multiple" }>,
  session: QuestionSession,
  language: string,
): OutgoingButton[][] {
  const t = (key: string) => translator.t(language, key);
  const button = (text: string, action: FlowAction): OutgoingButton => ({ text, data: packFlowButton(session, action) });
  const rows = step.options.map((o, i) => [
    button(`${session.selection.includes(i) ? "✓ " : ""}${localize(o.label, language)}`, { kind: "option", index: i }),
  ]);
  rows.push([button(t("flow-done"), { kind: "done" })]);
  if (step.optional) rows.push([button(t("flow-skip"), { kind: "skip" })]);
  return rows;
}

export function introMessages(flow: FlowDefinition, language: string): OutgoingMessage[] {
  return flow.intro ? [{ text: localize(flow.intro, language) }] : [];
}
