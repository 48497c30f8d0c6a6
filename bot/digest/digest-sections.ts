// The digest in words, in one language, before any transport's markup: the
// Slack view (bot/slack/views/digest-view.ts) and the Telegram copy
// (bot/telegram/telegram-digest-outlet.ts) render these same sections, so the
// two never say different things. Every string here is raw text; the
// renderers escape it and add their own bold, italics and quotes.
import type { Digest, DigestCampaign, DigestFigure } from "../../core/digest/build-digest.ts";
import { periodText } from "../../core/digest/digest-charts.ts";
import { proposalSendText } from "../../core/digest/proposal-command.ts";
import { MIN_PEOPLE, MIN_RELATIVE } from "../../core/digest/propose-action.ts";
import type { Translator, Translate } from "../../core/i18n.ts";
import { formatFigure } from "../slack/views/figure-format.ts";
import { formatMoney, formatNumber } from "../slack/views/format.ts";

export interface DigestLine {
  /** Shown in bold before the text. */
  label?: string;
  text: string;
  /** A second, quieter line (the reading under a figure). */
  note?: string;
  /** The customer's own words. */
  quote?: boolean;
}

export interface DigestSection {
  heading: string;
  lines: DigestLine[];
}

export interface DigestProposalText {
  heading: string;
  headline: string;
  source?: string;
  why: string;
  campaign: string;
  /** The words after /send, for the button and to type. */
  sendText: string;
  button: string;
}

export interface DigestSections {
  title: string;
  subtitle: string;
  proposal: DigestProposalText | { heading: string; none: string };
  sections: DigestSection[];
  chartsNote: string;
  chartsComment: string;
  period: string;
  /** The label of the button that explains the figures the digest shows. */
  definitionsButton: string;
}

const MAX_SOURCES = 8;
const MAX_FLOWS = 6;

export function digestSections(digest: Digest, options: { translator: Translator; language: string; timezone: string }): DigestSections {
  const { translator, language, timezone } = options;
  const weekly = digest.weekly ? "yes" : "no";
  const t = (key: string, vars: Record<string, string | number> = {}) => translator.t(language, key, { weekly, ...vars });
  const n = (x: number) => formatNumber(x, language);
  const period = periodText(digest, language, timezone);
  const previous = periodText({ period: digest.previousPeriod }, language, timezone);
  return {
    title: t("digest-title", { period }),
    definitionsButton: t("metrics-help-button"),
    subtitle: t("digest-compared", { previous, timezone }),
    proposal: proposalText(digest, t, translator, language),
    sections: [
      { heading: t("digest-section-figures"), lines: digest.figures.map((f) => figureLine(f, t, language)) },
      sourcesSection(digest, t, n),
      funnelSection(digest, t, n),
      { heading: t("digest-section-campaigns"), lines: campaignLines(digest.campaigns, t, language, timezone, digest.figures.find((f) => f.key === "revenue")?.currency ?? null) },
      ...chainsSection(digest, t, language),
      detractorsSection(digest, t, n),
      referralsSection(digest, t, n),
    ],
    chartsNote: t("digest-charts-note"),
    chartsComment: t("digest-charts-comment", { period }),
    period,
  };
}

function figureLine(f: DigestFigure, t: Translate, language: string): DigestLine {
  return {
    label: t(`metric-${f.key}`),
    text: formatFigure(f, language, t, { previousValue: true }),
    note: t(f.reading.key, f.reading.vars),
  };
}

function signed(delta: number, n: (x: number) => string): string {
  return delta > 0 ? `+${n(delta)}` : delta < 0 ? `−${n(-delta)}` : "±0";
}

function sourcesSection(digest: Digest, t: Translate, n: (x: number) => string): DigestSection {
  const rows = digest.sources.filter((s) => s.gained > 0 || s.previous > 0);
  const lines: DigestLine[] = rows.slice(0, MAX_SOURCES).map((s) => ({
    label: s.source ?? t("digest-source-none"),
    text: `${n(s.gained)}  (${signed(s.gained - s.previous, n)})`,
  }));
  const rest = rows.slice(MAX_SOURCES);
  if (rest.length > 0) {
    const gained = rest.reduce((a, s) => a + s.gained, 0);
    lines.push({ label: t("digest-source-other", { count: rest.length }), text: `${n(gained)}  (${signed(gained - rest.reduce((a, s) => a + s.previous, 0), n)})` });
  }
  return { heading: t("digest-section-sources"), lines: lines.length ? lines : [{ text: t("digest-sources-empty") }] };
}

function funnelSection(digest: Digest, t: Translate, n: (x: number) => string): DigestSection {
  const { stages, stageFlows } = digest.movement;
  const lines: DigestLine[] = stages.map((s) => ({ label: t(`digest-stage-${s.key}`), text: `${n(s.after)}  (${signed(s.after - s.before, n)})` }));
  const moved = stageFlows.filter((f) => f.from !== null && f.to !== null).slice(0, MAX_FLOWS);
  const joined = stageFlows.filter((f) => f.from === null && f.to !== null).reduce((a, f) => a + f.count, 0);
  const flows = moved.map((f) => t("digest-flow", { from: t(`digest-stage-${f.from}`), to: t(`digest-stage-${f.to}`), count: n(f.count) }));
  if (joined > 0) flows.push(t("digest-flows-joined", { count: n(joined) }));
  // The arrow that closes the funnel: loyal customers bring new ones.
  if (digest.referrals.fromLoyal > 0) flows.push(t("digest-flow-referrals", { count: n(digest.referrals.fromLoyal) }));
  lines.push({ text: flows.length ? t("digest-flows", { flows: flows.join(" · ") }) : t("digest-flows-none") });
  return { heading: t("digest-section-funnel"), lines };
}

function referralsSection(digest: Digest, t: Translate, n: (x: number) => string): DigestSection {
  const r = digest.referrals;
  const share = r.share === null ? "none" : String(Math.round(r.share * 1000) / 10);
  return { heading: t("digest-section-referrals"), lines: [{ text: t("digest-referrals-line", { accepted: n(r.accepted), delta: signed(r.accepted - r.previous, n), share }) }] };
}

function campaignLines(campaigns: DigestCampaign[], t: Translate, language: string, timezone: string, currency: string | null): DigestLine[] {
  if (campaigns.length === 0) return [{ text: t("digest-campaigns-none") }];
  const day = new Intl.DateTimeFormat(language === "ru" ? "ru-RU" : "en-GB", { day: "numeric", month: "short", timeZone: timezone });
  return campaigns.map((c) => {
    const basis = c.romiBasis === "incremental" ? "incremental" : "attributed";
    const revenue = basis === "incremental" ? (c.incrementalRevenue ?? 0) : c.attributedRevenue;
    return {
      text: t("digest-campaign", {
        id: String(c.id),
        name: c.name,
        delivered: formatNumber(c.delivered, language),
        basis,
        revenue: `${formatMoney(Math.round(revenue * 100) / 100, language)}${currency ? ` ${currency}` : ""}`,
        romi: c.romi === null ? "—" : `${formatNumber(c.romi, language, 1)}%`,
        significance: basis === "incremental" ? (c.significance ?? "none") : "none",
      }),
      ...(c.countingUntil ? { note: t("digest-campaign-counting", { until: day.format(c.countingUntil) }) } : {}),
    };
  });
}

/** The trigger chains' period, and the one chain to look at. Absent when no chain is on. */
function chainsSection(digest: Digest, t: Translate, language: string): DigestSection[] {
  if (digest.chains.length === 0) return [];
  const n = (x: number) => formatNumber(x, language);
  const lines: DigestLine[] = digest.chains.map((c) => ({
    label: c.name,
    text: t("digest-chain", {
      entered: n(c.now.entered),
      enteredBefore: n(c.previous.entered),
      converted: n(c.now.converted),
      convertedBefore: n(c.previous.converted),
      revenue: c.now.revenue.length ? c.now.revenue.map((r) => `${formatMoney(r.amount, language)} ${r.currency}`).join(", ") : "0",
      unsubscribed: n(c.now.unsubscribed),
      paused: c.paused ? "yes" : "no",
    }),
  }));
  const a = digest.chainAdvice;
  if (a) {
    const value = (x: number) => (a.reason === "conversion_fell" ? `${formatNumber(x * 100, language, 1)}%` : n(x));
    lines.push({ text: t(`digest-chain-advice-${a.reason}`, { name: a.name, id: a.chainId, now: value(a.now), before: value(a.before) }) });
  }
  return [{ heading: t("digest-section-chains"), lines }];
}

function detractorsSection(digest: Digest, t: Translate, n: (x: number) => string): DigestSection {
  const d = digest.detractors;
  const heading = t("digest-section-detractors");
  if (d.count === 0) return { heading, lines: [{ text: t("digest-detractors-none") }] };
  const lines: DigestLine[] = [{ text: t("digest-detractors", { count: d.count, previous: n(d.previous) }) }];
  if (d.reasons.length) lines.push({ text: t("digest-detractors-reasons", { reasons: d.reasons.map((r) => t("digest-detractors-reason", { term: r.term, count: r.count })).join(", ") }) });
  if (d.quotes.length) {
    lines.push({ text: t("digest-detractors-quotes") });
    for (const q of d.quotes) lines.push({ text: `${q.score}/10: ${q.comment}`, quote: true });
  }
  return { heading, lines };
}

function proposalText(digest: Digest, t: Translate, translator: Translator, language: string): DigestSections["proposal"] {
  const heading = t("digest-section-proposal");
  const p = digest.proposal;
  if (!p) return { heading, none: t("digest-proposal-none", { people: MIN_PEOPLE, percent: Math.round(MIN_RELATIVE * 100) }) };
  const sendText = proposalSendText(p, translator, language);
  return {
    heading,
    headline: t("digest-proposal-headline", {
      segment: t(`digest-signal-${p.key}`),
      direction: p.direction,
      relative: p.relative === null ? "no" : "yes",
      percent: p.relative === null ? 0 : Math.round(Math.abs(p.relative) * 100),
      when: t("digest-this-week"),
      before: p.before,
      after: p.after,
    }),
    ...(p.source
      ? {
          source: t("digest-proposal-source", {
            mostly: p.source.mostly ? "yes" : "no",
            known: p.source.name ? "yes" : "no",
            source: p.source.name ?? "",
            count: p.source.count,
            movers: p.source.movers,
            who: p.key === "detractors" ? "detractors" : p.direction === "grew" ? "entered" : "left",
          }),
        }
      : {}),
    why: t(`digest-playbook-${p.key}-why`),
    campaign: t("digest-proposal-campaign", { name: t(`digest-playbook-${p.key}-name`), audience: p.audience, holdout: p.holdoutPercent }),
    sendText,
    button: t("digest-proposal-button"),
  };
}
