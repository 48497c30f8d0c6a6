// Block Kit for an A/B test that picks its winner: the test's card in the team
// channel (with Send A / Send B / Wait longer) and the decision when it is taken.
import type { KnownBlock } from "@slack/types";
import type { AbDecision, AbTestStarted } from "../../../core/campaigns/ab-types.ts";
import { AB_SEND_A, AB_SEND_B, AB_WAIT, button } from "../action-values.ts";
import { textSection, type CardContext } from "./card-parts.ts";
import { formatNumber, formatPercent } from "./format.ts";


function slackDate(iso: string): string {
  return `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short_pretty} {time}|${iso}>`;
}

export function abTestCard(test: AbTestStarted, ctx: CardContext): { text: string; blocks: KnownBlock[] } {
  const { t, language } = ctx;
  const n = (x: number) => formatNumber(x, language);
  const text = t("ab-card-title", { id: test.campaignId, name: test.name });
  const body = t("ab-card-body", {
    percent: test.testPercent,
    a: n(test.sizes.A),
    b: n(test.sizes.B),
    rest: n(test.sizes.rest),
    when: slackDate(test.decideAt),
    by: t(`ab-measure-${test.by}`),
    default: test.defaultVariant,
  });
  const id = test.campaignId;
  return {
    text,
    blocks: [
      textSection(`*${text}*\n${body}`),
      { type: "actions", elements: [button(AB_SEND_A, id, t("ab-send-a")), button(AB_SEND_B, id, t("ab-send-b")), button(AB_WAIT, id, t("ab-wait"))] },
    ],
  };
}

/** Both variants' rates and sizes and the p-value: "A 8.1% of 120, B 14.2% of 120, p = 0.030". */
export function abFiguresText(d: AbDecision, t: CardContext["t"], language: string): string {
  return t("ab-figures", {
    a: formatPercent(d.A.rate, language),
    aSize: formatNumber(d.A.size, language),
    b: formatPercent(d.B.rate, language),
    bSize: formatNumber(d.B.size, language),
    p: d.pValue === null ? "—" : formatNumber(d.pValue, language, 3),
  });
}

export function abDecisionText(campaignId: number, name: string, d: AbDecision, ctx: Pick<CardContext, "t" | "language">): string {
  const { t, language } = ctx;
  const figures = abFiguresText(d, t, language);
  return t(`ab-decided-${d.reason}`, {
    id: campaignId,
    name,
    winner: d.winner,
    by: t(`ab-measure-${d.by}`),
    figures,
    rest: formatNumber(d.rest, language),
    user: d.decidedBy,
  });
}

export function abDecisionCard(campaignId: number, name: string, d: AbDecision, ctx: CardContext): { text: string; blocks: KnownBlock[] } {
  const text = abDecisionText(campaignId, name, d, ctx);
  return { text, blocks: [textSection(text)] };
}
