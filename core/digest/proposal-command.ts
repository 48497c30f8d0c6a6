// The proposed campaign as the words of a /send command, in the digest's
// language: what the digest's button hands to the /send pre-flight card, and
// what the Telegram copy shows to type. The message itself is the playbook's
// text from locales/<lang>/digest.ftl, with {first_name} left for /send to fill.
import type { Translator } from "../i18n.ts";
import type { Proposal } from "./propose-action.ts";

/** Built-in and saved segments are single words; a rule in the text form is quoted. */
const SEGMENT_NAME = /^[a-z0-9][a-z0-9_:-]*$/i;

export function proposalSendText(proposal: Pick<Proposal, "key" | "audience" | "survey" | "holdoutPercent">, translator: Translator, language: string): string {
  const t = (key: string, vars?: Record<string, string>) => translator.t(language, key, vars);
  const audience = SEGMENT_NAME.test(proposal.audience) ? proposal.audience : `"${proposal.audience}"`;
  const content = proposal.survey ? `--survey ${proposal.survey}` : `"${t(`digest-playbook-${proposal.key}-message`, { first_name: "{first_name}" })}"`;
  const holdout = proposal.holdoutPercent > 0 ? ` --holdout ${proposal.holdoutPercent}%` : "";
  return `${audience} ${content} ${t("digest-proposal-when")}${holdout} --name "${t(`digest-playbook-${proposal.key}-name`)}"`;
}
