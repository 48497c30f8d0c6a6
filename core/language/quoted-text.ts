// The quoted parts of a sentence, in any of the quotes people and keyboards
// produce: "straight", “curly”, „German“, «Russian», 'single', ‘single’. A
// quote opens only at the start of a word, so "didn't" stays a word.
export interface QuotedText {
  quoted: string[];
  /** The sentence with every quoted part replaced by a space. */
  rest: string;
  /** A quote opened and never closed. */
  unclosed: boolean;
}

const CLOSING: Record<string, string[]> = { '"': ['"', "”", "“"], "“": ["”", "“"], "”": ["”"], "„": ["“", "”"], "«": ["»"], "'": ["'", "’"], "‘": ["’", "'"] };

export function quotedText(text: string): QuotedText {
  const quoted: string[] = [];
  let rest = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const closers = CLOSING[ch];
    const atWordStart = i === 0 || /[\s([:,]/.test(text[i - 1]!);
    if (closers && atWordStart) {
      const end = closingAt(text, i + 1, closers);
      if (end === -1) return { quoted, rest: rest + text.slice(i), unclosed: true };
      quoted.push(text.slice(i + 1, end));
      rest += " ";
      i = end + 1;
      continue;
    }
    rest += ch;
    i++;
  }
  return { quoted, rest, unclosed: false };
}

/** The first closer that ends a word (so "it's" inside 'single quotes' does not close them). */
function closingAt(text: string, from: number, closers: string[]): number {
  for (let j = from; j < text.length; j++) {
    if (closers.includes(text[j]!) && (j + 1 === text.length || /[\s.,!?;:)\]»]/.test(text[j + 1]!))) return j;
  }
  return -1;
}
