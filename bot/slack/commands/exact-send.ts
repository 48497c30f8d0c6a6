// Whether /send's words are its exact syntax (SEGMENT MESSAGE WHEN [options])
// that reads whole, or look like an attempt at it. Words that are neither
// are understood as a sentence (words.ts).
import { parseWhen } from "../../../core/campaigns/parse-when.ts";
import { isSegmentRule } from "../../../core/language/exact-syntax.ts";
import type { InstallationNames } from "../../../core/language/installation-names.ts";
import { builtInSegment } from "../../../core/segments/built-in-segments.ts";
import { parseSend, tokenize } from "./parse-send.ts";

export interface SendSyntaxProbe {
  /** Reads whole as the exact syntax: run it as typed. */
  exact: boolean;
  /** Starts like the exact syntax (a name or "rule" followed by a quoted message): its errors fit best. */
  shaped: boolean;
}

export function probeSendSyntax(text: string, names: InstallationNames, now: Date, timezone: string): SendSyntaxProbe {
  // Options are the exact syntax's alone.
  if (/(^|\s)(--|[\u2014\u2013])[a-z]/i.test(text)) return { exact: true, shaped: true };
  const tokens = tokenize(text);
  // An unclosed quote: the exact syntax says so best.
  if (!tokens) return { exact: false, shaped: true };
  const [first, second] = tokens;
  if (!first) return { exact: false, shaped: false };
  const known = first.quoted ? isSegmentRule(first.value) : !!builtInSegment(first.value) || names.segments.includes(first.value.toLowerCase());
  const shaped = first.quoted || second?.quoted === true || known;
  if (!known) return { exact: false, shaped };
  // An unquoted MESSAGE is a template's name; "10%" or "скидка," is the start of a message typed without quotes.
  if (second && !second.quoted && !names.templates.includes(second.value) && !/^[\p{L}\d_-]*\p{L}[\p{L}\d_-]*$/u.test(second.value)) return { exact: false, shaped: false };
  try {
    parseWhen(parseSend(text).when, now, timezone);
    return { exact: true, shaped };
  } catch {
    return { exact: false, shaped };
  }
}
