// Which answer option a customer typed, in either language, as people write:
// "для бега" is the option "🏃 Бег", "I mostly run" is "🏃 Running". Exact
// labels first (case, emoji and punctuation aside), then word stems; an
// answer that fits two options, or none, is no answer (the question is asked again).
import { stems, words } from "../language/stem.ts";

export interface MatchableOption {
  /** The option's labels in every language. */
  labels: string[];
  /** The option's stored value ("running"), a word too. */
  value?: string;
}

/** Words that say nothing about which option is meant. */
const FILLER = new Set(
  words(
    "a an the for to of in on at my me i it is its mostly mainly just only please maybe " +
      "для на в во с со к по мне я это а и у меня в основном просто только пожалуйста наверное",
  ),
);

/** "Not running", "не бег": a typed negation is never read as the option it names. */
const NEGATION = new Set(["не", "нет", "ни", "not", "no", "dont", "don", "never", "без", "without"]);

export function matchOption(options: MatchableOption[], text: string): number | undefined {
  const typed = bare(text);
  if (!typed) return undefined;
  const exact = options.findIndex((o) => o.labels.some((label) => bare(label) === typed));
  if (exact >= 0) return exact;
  if (words(text).some((w) => NEGATION.has(w))) return undefined;
  const said = contentStems(text);
  if (said.length === 0) return undefined;
  const fits = options
    .map((o, index) => ({ index, variants: [...o.labels, ...(o.value ? [o.value.replace(/[-_]/g, " ")] : [])].map(contentStems).filter((v) => v.length > 0) }))
    .filter(({ variants }) => variants.some((label) => covers(label, said) || covers(said, label)));
  return fits.length === 1 ? fits[0]!.index : undefined;
}

function contentStems(text: string): string[] {
  return [...new Set(words(text).filter((w) => !FILLER.has(w)).flatMap((w) => stems(w)))];
}

/** Every stem of `part` is among `whole`, or begins one there or is begun by one ("бега" and "бег": stemmers stop short). */
function covers(whole: string[], part: string[]): boolean {
  return part.every((p) => whole.some((w) => w === p || (Math.min(w.length, p.length) >= 3 && (w.startsWith(p) || p.startsWith(w)))));
}

function bare(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
