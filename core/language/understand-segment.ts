// `/segment <description>`: "loyal customers who spent over 300 in the last
// 90 days" -> `preview lifecycle = loyal and spent > 300 within 90d`; a
// saved segment's name -> `show NAME`.
import { readAudience, type AudienceOption } from "./read-audience.ts";
import { readPieces } from "./read-pieces.ts";
import { refusal, type UnderstandContext, type Understanding } from "./understanding.ts";

export function understandSegment(text: string, context: Pick<UnderstandContext, "names">): Understanding {
  const { pieces, corrected } = readPieces(text, "segment", context.names);
  const audience = readAudience(pieces);
  switch (audience.kind) {
    case "refusal":
      return refusal("audience", audience.problem, audience.words, audience.suggestions);
    case "choice":
      return { kind: "choice", forms: audience.options.map(segmentForm), corrected };
    default:
      return { kind: "exact", form: segmentForm(audience), corrected };
  }
}

function segmentForm(option: AudienceOption): string {
  return option.kind === "saved" ? `show ${option.name}` : `preview ${option.rule}`;
}
