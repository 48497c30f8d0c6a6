// An audience typed into a form field (Slack's campaign and segment modals):
// a built-in or saved segment's name, a rule in the text form, or words
// ("loyal customers who spent over 300 in the last 90 days"). One answer for
// every kind: the exact audience with its size and its description, the
// readings to choose from, or what could not be read. The words go through
// the same grammar as `/segment <words>`, so the form and the command agree.
import { resolveAudience } from "../campaigns/audience.ts";
import type { CoreDeps } from "../deps.ts";
import { builtInSegment } from "../segments/built-in-segments.ts";
import { describeSegment } from "../segments/describe-segment.ts";
import { findSegment } from "../segments/saved-segments.ts";
import type { SegmentDefinition } from "../segments/segment-definition.ts";
import { segmentSize } from "../segments/segment-report.ts";
import { isSegmentRule } from "./exact-syntax.ts";
import { installationNames, type InstallationNames } from "./installation-names.ts";
import { understandSegment } from "./understand-segment.ts";
import type { Understanding } from "./understanding.ts";

export type AudienceInput =
  | {
      kind: "audience";
      /** The exact form: a segment's name or a rule, what /send takes. */
      text: string;
      /** The rule in the text form (a name's own rule), what /segment save takes. */
      rule: string;
      definition: SegmentDefinition;
      /** Customers in it now (before consent, as /segment preview counts). */
      size: number;
      /** The definition in words, in the requested language. */
      words: string;
      /** True when the input was words, not the exact syntax: the form is worth echoing. */
      understood: boolean;
    }
  | { kind: "choice"; texts: string[] }
  | { kind: "refusal"; refusal: Extract<Understanding, { kind: "refusal" }> };

/**
 * Throws what the exact syntax throws for a name or rule that does not hold
 * (segment_not_found, segment_text) when the input looks like one.
 */
export async function readAudienceInput(deps: CoreDeps, options: { input: string; language: string; names?: InstallationNames }): Promise<AudienceInput> {
  const input = options.input.trim();
  const names = options.names ?? (await installationNames(deps));
  if (isExactAudience(input, names)) return audience(deps, input, options.language, false);
  const understood = understandSegment(input, { names });
  switch (understood.kind) {
    case "refusal":
      return { kind: "refusal", refusal: understood };
    case "choice":
      return { kind: "choice", texts: understood.forms.map(withoutVerb) };
    case "exact":
      return audience(deps, withoutVerb(understood.form), options.language, true);
  }
}

function isExactAudience(input: string, names: InstallationNames): boolean {
  return !!builtInSegment(input) || names.segments.includes(input.toLowerCase()) || isSegmentRule(input);
}

async function audience(deps: CoreDeps, text: string, language: string, understood: boolean): Promise<AudienceInput> {
  const resolved = await resolveAudience(deps, text);
  const rule = resolved.text === text && isSegmentRule(text) ? text : (await findSegment(deps, resolved.text)).text;
  return {
    kind: "audience",
    text: resolved.text,
    rule,
    definition: resolved.definition,
    size: await segmentSize(deps, resolved.definition),
    words: describeSegment(resolved.definition, language, deps.translator),
    understood,
  };
}

/** `show vip_ru` -> `vip_ru`, `preview lifecycle = loyal` -> `lifecycle = loyal`. */
function withoutVerb(form: string): string {
  return form.replace(/^(show|preview)\s+/, "");
}
