// `/metrics revenue last week`: the one figure asked about, first and alone -
// its value, its change against the previous period, its definition - and
// the command that shows all of them.
import type { FigureKey, KeyFigures } from "../../../core/metrics/key-figures.ts";
import type { SlackReply } from "../reply.ts";
import { formatFigureChange, formatFigureValue } from "./figure-format.ts";
import { periodLabel } from "./metrics-view.ts";
import type { Translate } from "../../../core/i18n.ts";


export function figureFocusView(input: { figures: KeyFigures; figure: FigureKey; periodWords: string; timezone: string; language: string }, t: Translate): SlackReply {
  const { figures, language, timezone } = input;
  const f = figures.figures.find((x) => x.key === input.figure)!;
  const change = formatFigureChange(f.unit, f.value, f.previous, language, t);
  const headline = t("words-figure", {
    label: f.label,
    period: periodLabel(figures.period.from, figures.period.to, language, timezone),
    value: f.byCurrency?.length ? f.byCurrency.map((c) => formatFigureValue(f.unit, c.value, language, t, c.currency)).join(" · ") : formatFigureValue(f.unit, f.value, language, t, f.currency),
    change: change ? `  ${change}` : "",
  });
  const previous = t("words-figure-previous", {
    value: f.byCurrency?.length ? f.byCurrency.map((c) => formatFigureValue(f.unit, c.previous, language, t, c.currency)).join(" · ") : formatFigureValue(f.unit, f.previous, language, t, f.currency),
    period: periodLabel(figures.previousPeriod.from, figures.previousPeriod.to, language, timezone),
  });
  const all = t("words-figure-all", { command: `/metrics ${input.periodWords}`.trim() });
  return {
    text: `${headline}\n${previous}\n${f.definition}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `${headline}\n${previous}`.slice(0, 2900) } },
      { type: "context", elements: [{ type: "mrkdwn", text: `${f.definition}\n${all}`.slice(0, 2900) }] },
    ],
  };
}
