// `/metrics <question>`: "revenue last week", "выручка за прошлую неделю",
// "how many orders last month", "november" -> `[FIGURE] [PERIOD] [by source]`,
// the exact /metrics arguments (FIGURE is a key figure's key, PERIOD the
// period words /metrics reads). The figures themselves are computed and
// shown by /metrics; this only chooses which figure and which period.
import type { FigureKey } from "../metrics/key-figures.ts";
import { readPieces } from "./read-pieces.ts";
import { refusal, type UnderstandContext, type Understanding } from "./understanding.ts";

/** What `/metrics by source` shows per source. */
const BY_SOURCE_FIGURES = new Set<FigureKey>(["cac", "acquisition_rate", "subscribers_gained"]);

/** The longest rolling window /metrics reads ("last 366 days"). */
const MAX_DAYS = 366;

export function understandMetrics(text: string, context: Pick<UnderstandContext, "names">): Understanding {
  const { pieces, corrected } = readPieces(text, "metrics", context.names);
  const unknown = pieces.filter((p): p is Extract<typeof p, { is: "unknown" }> => p.is === "unknown");
  if (unknown.length) return refusal("question", "unknown_words", unknown.map((p) => p.text), [...new Set(unknown.flatMap((p) => p.suggestions))].slice(0, 5));
  const figures: FigureKey[] = [];
  const periods: string[] = [];
  const dangling: string[] = [];
  let bySource = false;
  let number: number | undefined;
  for (const p of pieces) {
    switch (p.is) {
      case "figure":
        if (!figures.includes(p.figure)) figures.push(p.figure);
        break;
      case "period":
        periods.push(p.period);
        break;
      case "month":
        periods.push(p.month);
        break;
      case "by_source":
        bySource = true;
        break;
      case "number":
        number = p.value;
        break;
      case "unit":
      case "duration": {
        const days = (number ?? 1) * p.amount;
        number = undefined;
        if (p.unit === "d" && Number.isInteger(days) && days >= 1 && days <= MAX_DAYS) periods.push(`last ${days} days`);
        else dangling.push(p.text);
        break;
      }
      case "filler":
      case "last":
        break;
      default:
        dangling.push(p.text);
    }
  }
  if (number !== undefined) dangling.push(String(number));
  if (dangling.length) return refusal("question", "dangling", dangling);
  if (figures.length === 0 && periods.length === 0 && !bySource) return refusal("question", "nothing");
  const forms: string[] = [];
  // "By source" is the acquisition table (spend, acquired, CAC, acquisition rate): asked with another figure
  // ("revenue by source"), that figure over the period and the table are two readings, offered as a choice.
  const other = bySource ? figures.filter((f) => !BY_SOURCE_FIGURES.has(f)) : [];
  for (const figure of other) for (const period of periods.length ? [...new Set(periods)] : [undefined]) forms.push([figure, period].filter(Boolean).join(" "));
  for (const figure of bySource ? [undefined] : figures.length ? figures : [undefined]) {
    for (const period of periods.length ? [...new Set(periods)] : [undefined]) {
      forms.push([figure, period, bySource ? "by source" : undefined].filter(Boolean).join(" "));
    }
  }
  return forms.length === 1 ? { kind: "exact", form: forms[0]!, corrected } : { kind: "choice", forms: forms.slice(0, 4), corrected };
}
