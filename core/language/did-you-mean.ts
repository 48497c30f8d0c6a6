// The closest known words to one a marketer typed: a typo is read as the
// known word when exactly one is close enough ("custmers" -> "customers"),
// and a refusal lists the nearest ones ("vip" -> vip_ru).
import { distance } from "fastest-levenshtein";

/** Edits a typo of a word this long may contain and still be read as the known word. */
export function typoAllowance(length: number): number {
  return length < 4 ? 0 : length < 7 ? 1 : 2;
}

/** The one candidate within the typo allowance, or undefined when none or several tie. */
export function correction(word: string, candidates: Iterable<string>): string | undefined {
  const allowed = typoAllowance(word.length);
  if (allowed === 0) return undefined;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > allowed) continue;
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance, tie] = [c, d, false];
    else if (d === bestDistance && c !== best) tie = true;
  }
  return tie ? undefined : best;
}

/** Up to `count` candidates nearest to the word (a prefix counts as near), nearest first. */
export function nearest(word: string, candidates: Iterable<string>, count = 3): string[] {
  const limit = Math.max(2, Math.ceil(word.length / 2));
  const scored: [string, number][] = [];
  for (const c of new Set(candidates)) {
    const d = c.startsWith(word) || word.startsWith(c) ? Math.min(1, editDistance(word, c)) : editDistance(word, c);
    if (d <= limit) scored.push([c, d]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([c]) => c);
}

/** Levenshtein distance, with two swapped neighbours ("lyoal") counting as one edit. */
function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && isOneSwap(a, b) ? 1 : d;
}

function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
