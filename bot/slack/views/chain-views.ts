// Block Kit for /chains and App Home: each chain in words with its figures,
// and one chain's steps with per-step figures, exits and last errors.
import type { KnownBlock } from "@slack/types";
import type { ChainCondition, ChainDefinition, ChainStep } from "../../../core/chains/chain-definition.ts";
import type { ChainDetail, ChainSummary } from "../../../core/chains/chain-report.ts";
import type { SlackReply } from "../reply.ts";
import { formatMoney, formatNumber, formatPercent, formatWhen } from "./format.ts";
import type { Translate } from "../../../core/i18n.ts";

/** Money per currency ("120 EUR, 80 USD"), or 0. */
function revenueText(revenue: { currency: string; amount: number }[], language: string): string {
  if (revenue.length === 0) return "0";
  return revenue.map((r) => `${formatMoney(r.amount, language)} ${r.currency}`).join(", ");
}

function durationText(ms: number, t: Translate): string {
  if (ms % 86_400_000 === 0) return t("chain-duration-days", { n: ms / 86_400_000 });
  if (ms % 3_600_000 === 0) return t("duration-hours", { n: ms / 3_600_000 });
  return t("duration-minutes", { n: Math.round(ms / 60_000) });
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function triggerText(chain: ChainDefinition, t: Translate): string {
  const tr = chain.trigger;
  if ("event" in tr) {
    const where = Object.entries(tr.where ?? {}).map(([k, v]) => `${k} = ${String(v)}`).join(", ");
    return where ? t("chain-trigger-event-where", { event: tr.event, where }) : t("chain-trigger-event", { event: tr.event });
  }
  if ("order_paid" in tr) return tr.order_paid === true ? t("chain-trigger-order") : t("chain-trigger-order-category", { category: tr.order_paid.category });
  if ("segment_entry" in tr) return t("chain-trigger-segment", { segment: tr.segment_entry });
  return tr.qualification ? t("chain-trigger-flow-qualified", { flow: tr.flow_completed, qualification: tr.qualification }) : t("chain-trigger-flow", { flow: tr.flow_completed });
}

function conditionText(c: ChainCondition, t: Translate): string {
  if ("ordered_since_entry" in c) return t(c.ordered_since_entry ? "chain-condition-ordered" : "chain-condition-not-ordered");
  if ("clicked_since_entry" in c) return t(c.clicked_since_entry ? "chain-condition-clicked" : "chain-condition-not-clicked");
  if ("event_since_entry" in c) return t("chain-condition-event", { event: c.event_since_entry });
  if ("has_tag" in c) return t("chain-condition-tag", { tag: c.has_tag });
  if ("bought_category" in c) return t("chain-condition-bought", { category: c.bought_category });
  return t("chain-condition-segment", { segment: c.in_segment });
}

export function stepText(step: ChainStep, t: Translate, language: string): string {
  if ("wait" in step) return t("chain-step-wait", { duration: durationText(step.wait, t) });
  if ("wait_until" in step) {
    const w = step.wait_until;
    if (typeof w === "number") return t("chain-step-wait-until", { time: clock(w) });
    const offset = w.offset === 0 ? t("chain-offset-none") : t(w.offset < 0 ? "chain-offset-before" : "chain-offset-after", { duration: durationText(Math.abs(w.offset), t) });
    return w.at === null ? t("chain-step-deadline", { property: w.property, offset }) : t("chain-step-deadline-at", { property: w.property, offset, time: clock(w.at) });
  }
  if ("send" in step) {
    const text = typeof step.send.text === "string" ? step.send.text : ((language === "ru" ? step.send.text.ru : undefined) ?? step.send.text.en);
    return t("chain-step-send", { text: text.length > 120 ? `${text.slice(0, 119)}…` : text });
  }
  if ("survey" in step) return t("chain-step-survey", { survey: step.survey });
  if ("flow" in step) return t("chain-step-flow", { flow: step.flow });
  if ("if" in step) return t("chain-step-if", { condition: conditionText(step.if, t), goto: step.goto });
  return t("chain-step-end");
}

function stateText(s: ChainSummary, t: Translate): string {
  if (!s.chain.enabled) return t("chain-state-disabled");
  return s.paused ? t(`chain-state-paused-${s.paused}`) : t("chain-state-active");
}

function figuresText(s: ChainSummary, t: Translate, language: string): string {
  const n = (x: number) => formatNumber(x, language);
  const lines = [
    t("chains-figures", {
      now: n(s.inNow),
      entered7: n(s.last7.entered),
      finished7: n(s.last7.finished),
      purchase7: n(s.last7.exitedByPurchase),
      converted7: n(s.last7.converted),
      entered30: n(s.last30.entered),
      converted30: n(s.last30.converted),
      revenue30: revenueText(s.last30.revenue, language),
    }),
  ];
  if (s.chain.holdout > 0) {
    lines.push(
      s.lift
        ? t("chains-lift", {
            holdout: formatNumber(s.chain.holdout, language, Number.isInteger(s.chain.holdout) ? 0 : 1),
            treatedRate: formatPercent(s.lift.treatedConverted / s.lift.treated, language),
            holdoutRate: formatPercent(s.lift.holdoutConverted / s.lift.holdout, language),
            points: formatNumber(s.lift.points, language, 1),
          })
        : t("chains-lift-waiting", { holdout: formatNumber(s.chain.holdout, language) }),
    );
  }
  return lines.join("\n");
}

export function chainListView(summaries: ChainSummary[], t: Translate, language: string): SlackReply {
  if (summaries.length === 0) return { text: t("chains-empty") };
  const sections = summaries.map((s) => `${t("chains-line", { name: s.chain.name, id: s.chain.id, state: stateText(s, t), trigger: triggerText(s.chain, t) })}\n${figuresText(s, t, language)}`);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t("chains-title") } },
    ...sections.slice(0, 45).map((text): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: text.slice(0, 2900) } })),
    { type: "context", elements: [{ type: "mrkdwn", text: t("chains-usage").slice(0, 2900) }] },
  ];
  return { text: `${t("chains-title")}\n${sections.join("\n\n")}`, blocks };
}

export function chainDetailView(d: ChainDetail, t: Translate, timezone: string, language: string): SlackReply {
  const s = d.summary;
  const n = (x: number) => formatNumber(x, language);
  const stepLines = d.steps.map((f) => {
    const what = t("chain-show-step", { n: f.index + 1, what: stepText(f.step, t, language) });
    const sending = "send" in f.step || "survey" in f.step || "flow" in f.step;
    if (!sending) return what;
    const figures = t("chain-show-step-figures", { sent: n(f.sent), clicked: n(f.clicked), converted: n(f.converted) });
    const kept = f.keptFromPrevious !== null ? ` · ${t("chain-show-step-kept", { kept: `${formatNumber(f.keptFromPrevious, language, 1)}%` })}` : "";
    return `${what}\n      ${figures}${kept}`;
  });
  const exits = d.exits.length
    ? t("chain-show-exits", { exits: d.exits.map((e) => `${exitText(e.reason, t)} ${n(e.count)}`).join(", ") })
    : t("chain-show-no-exits");
  const errors = d.errors.length
    ? [t("chain-show-errors"), ...d.errors.map((e) => t("chain-show-error", { when: formatWhen(e.at, timezone, language), step: e.step === null ? "?" : e.step + 1, reason: e.reason }))].join("\n")
    : t("chain-show-no-errors");
  const title = t("chain-show-title", { name: s.chain.name, id: s.chain.id });
  const head = `${t("chain-show-state", { state: stateText(s, t), trigger: triggerText(s.chain, t) })}\n${figuresText(s, t, language)}`;
  const steps = `${t("chain-show-steps")}\n${stepLines.join("\n")}`;
  return {
    text: [title, head, steps, exits, errors].join("\n"),
    blocks: [
      { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: head.slice(0, 2900) } },
      { type: "section", text: { type: "mrkdwn", text: steps.slice(0, 2900) } },
      { type: "section", text: { type: "mrkdwn", text: `${exits}\n${errors}`.slice(0, 2900) } },
    ],
  };
}

function exitText(reason: string, t: Translate): string {
  if (reason.startsWith("event:")) return `${reason.slice(6)}`;
  const text = t(`chain-exit-${reason}`);
  return text.startsWith("chain-exit-") ? reason : text;
}

/** App Home's section: active chains with their 7-day figures. */
export function homeChainBlocks(summaries: ChainSummary[], t: Translate, language: string): KnownBlock[] {
  const active = summaries.filter((s) => s.chain.enabled && !s.paused);
  const text = active.length
    ? active
        .map((s) =>
          t("home-chains-line", {
            name: s.chain.name,
            now: formatNumber(s.inNow, language),
            entered: formatNumber(s.last7.entered, language),
            converted: formatNumber(s.last7.converted, language),
            revenue: revenueText(s.last7.revenue, language),
          }),
        )
        .join("\n")
    : t("home-chains-none");
  return [
    { type: "header", text: { type: "plain_text", text: t("home-chains-title") } },
    { type: "section", text: { type: "mrkdwn", text: text.slice(0, 2900) } },
  ];
}
