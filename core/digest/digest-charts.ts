// The digest's four charts, in one language: NPS over the last 12 weeks
// against the DOMAIN.md bands, the loyalty funnel now and a week ago with the
// main flows, monthly cohort retention as a heatmap, and new subscribers by
// source. Each is readable on its own (title, period, units) and says so when
// there is nothing to draw instead of showing empty axes.
import type { CoreDeps } from "../deps.ts";
import { LIFECYCLE_STAGES } from "../segments/lifecycle.ts";
import type { Digest } from "./build-digest.ts";
import { CHART_FONT, CHART_WIDTH, COLORS, measureText, renderChart, type ChartImage, type ChartOption } from "./chart-renderer.ts";
import type { Translate } from "../i18n.ts";

const MAX_SOURCES = 8;
const SUBTITLE_SIZE = 13;
const SEPARATOR = "  ·  ";

/** Joins items with " · ", starting a new line before one that would run past the title's width. */
function wrapItems(items: string[]): string {
  const max = CHART_WIDTH - 2 * 24;
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    const joined = last === undefined ? item : `${last}${SEPARATOR}${item}`;
    if (last !== undefined && measureText(joined, `${SUBTITLE_SIZE}px ${CHART_FONT}`) <= max) lines[lines.length - 1] = joined;
    else lines.push(item);
  }
  return lines.join("\n");
}

export function renderDigestCharts(deps: CoreDeps, digest: Digest, language: string): ChartImage[] {
  const weekly = digest.weekly ? "yes" : "no";
  const t: Translate = (key, vars) => deps.translator.t(language, key, { weekly, ...vars });
  const ctx = { t, language, period: periodText(digest, language, deps.teamTimezone) };
  return [npsTrendChart(digest, ctx), funnelChart(digest, ctx), cohortChart(digest, ctx), sourcesChart(digest, ctx)];
}

interface ChartContext {
  t: Translate;
  language: string;
  period: string;
}

const title = (text: string, subtext: string) => ({
  text,
  subtext,
  left: 24,
  top: 16,
  textStyle: { fontSize: 20, fontWeight: "bold", color: COLORS.text },
  itemGap: 8,
  subtextStyle: { fontSize: SUBTITLE_SIZE, lineHeight: 20, color: COLORS.muted },
});

/** A centred note in place of the data. */
const emptyNote = (text: string) => ({
  type: "text",
  left: "center",
  top: "middle",
  style: { text, fontSize: 18, fill: COLORS.muted },
});

function npsTrendChart(digest: Digest, { t, language }: ChartContext): ChartImage {
  const weeks = digest.npsTrend;
  const labels = weeks.map((w) => dayLabel(w.week, language));
  const values = weeks.map((w) => (w.nps === null ? null : Math.round(w.nps)));
  const known = values.filter((v): v is number => v !== null);
  // The scale shows the bands around the data: at least -10..60, at most -100..100.
  const low = Math.max(-100, Math.min(-10, Math.floor((Math.min(...known, 0) - 10) / 10) * 10));
  const high = Math.min(100, Math.max(60, Math.ceil((Math.max(...known, 0) + 10) / 10) * 10));
  const band = (from: number, to: number, color: string, opacity: number, name: string) => [
    { yAxis: Math.max(from, low), itemStyle: { color, opacity }, label: { show: true, position: "right", distance: 8, formatter: name, color: COLORS.muted, fontSize: 12 } },
    { yAxis: Math.min(to, high) },
  ];
  const axisLabel = { fontSize: 12, color: COLORS.text };
  // Two panes on one time axis: NPS above, the number of answers it rests on below.
  const option: ChartOption = {
    title: title(t("digest-chart-nps-title"), t("digest-chart-nps-subtitle")),
    grid: [
      { left: 64, right: 110, top: 96, bottom: 150 },
      { left: 64, right: 110, height: 64, bottom: 48 },
    ],
    xAxis: [
      { type: "category", gridIndex: 0, data: labels, axisLabel: { show: false }, axisTick: { show: false }, axisLine: { lineStyle: { color: COLORS.muted } } },
      { type: "category", gridIndex: 1, data: labels, axisLabel, axisLine: { lineStyle: { color: COLORS.muted } } },
    ],
    yAxis: [
      { type: "value", gridIndex: 0, min: low, max: high, interval: 10, name: "NPS", nameTextStyle: { color: COLORS.muted, fontSize: 12 }, axisLabel, splitLine: { lineStyle: { color: COLORS.grid } } },
      {
        type: "value",
        gridIndex: 1,
        min: 0,
        max: Math.max(1, ...weeks.map((w) => w.responses)) * 1.4,
        name: t("digest-chart-nps-answers"),
        nameLocation: "middle",
        nameRotate: 0,
        nameGap: 12,
        nameTextStyle: { color: COLORS.muted, fontSize: 12, align: "right" },
        axisLabel: { show: false },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: "line",
        xAxisIndex: 0,
        yAxisIndex: 0,
        // A label under a dip, above everything else, so it never sits on the line.
        data: values.map((v, i) => {
          const neighbours = [values[i - 1], values[i + 1]].filter((x): x is number => x !== null && x !== undefined);
          const dip = v !== null && neighbours.length > 0 && neighbours.every((x) => x > v);
          return { value: v, label: { position: dip ? "bottom" : "top" } };
        }),
        connectNulls: false,
        symbol: "circle",
        symbolSize: 10,
        lineStyle: { width: 3, color: COLORS.current },
        itemStyle: { color: COLORS.current },
        label: { show: true, position: "top", distance: 8, fontSize: 14, fontWeight: "bold", color: COLORS.text },
        markArea: {
          silent: true,
          data: [
            band(-100, 0, COLORS.bad, 0.1, t("digest-band-act_now")),
            band(0, 30, COLORS.warn, 0.12, t("digest-band-warning")),
            band(30, 50, COLORS.good, 0.08, t("digest-band-good")),
            band(50, 100, COLORS.good, 0.18, t("digest-band-excellent")),
          ].filter(([a, b]) => a!.yAxis < b!.yAxis),
        },
      },
      {
        type: "bar",
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: weeks.map((w) => w.responses),
        barWidth: "45%",
        itemStyle: { color: COLORS.previous },
        label: { show: true, position: "top", fontSize: 11, color: COLORS.muted, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : "") },
      },
    ],
    ...(known.length === 0 ? { graphic: [emptyNote(t("digest-chart-nps-empty"))] } : {}),
  };
  return renderChart(option, { filename: "nps-trend.png", title: t("digest-chart-nps-title") });
}

function funnelChart(digest: Digest, { t, period, language }: ChartContext): ChartImage {
  const n = (x: number) => formatCount(x, language);
  const stages = LIFECYCLE_STAGES.map((s) => digest.movement.stages.find((x) => x.key === s) ?? { key: s, before: 0, after: 0 });
  const flows = digest.movement.stageFlows
    .filter((f) => f.from !== null && f.to !== null)
    .slice(0, 3)
    .map((f) => t("digest-flow", { from: t(`digest-stage-${f.from}`), to: t(`digest-stage-${f.to}`), count: n(f.count) }));
  const joined = digest.movement.stageFlows.filter((f) => f.from === null && f.to !== null).reduce((a, f) => a + f.count, 0);
  // The arrow back from loyal to new: friends loyal customers brought (issue 16).
  const referred = digest.referrals.fromLoyal > 0 ? [t("digest-flow-referrals", { count: n(digest.referrals.fromLoyal) })] : [];
  const moved = [...referred, ...flows, ...(joined > 0 ? [t("digest-chart-funnel-joined", { count: n(joined) })] : [])];
  const subtitle = moved.length ? `${period}\n${wrapItems([t("digest-flows", { flows: moved[0]! }), ...moved.slice(1)])}` : period;
  const option = beforeAfterBars(
    { t, language },
    {
      rows: stages.map((s) => ({
        name: t(`digest-stage-${s.key}`),
        before: s.before,
        after: s.after,
        // The two outflows of the funnel in red.
        ...(s.key.startsWith("churned") ? { color: COLORS.bad } : {}),
      })),
      title: title(t("digest-chart-funnel-title"), subtitle),
      // Each bar says its size and its change: "4 320  (+14)".
      afterLabel: (row) => {
        const delta = row.after - row.before;
        return `${n(row.after)}  (${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${n(Math.abs(delta))})`;
      },
      beforeLabels: false,
      right: 110,
      empty: t("digest-chart-funnel-empty"),
    },
  );
  return renderChart(option, { filename: "loyalty-funnel.png", title: t("digest-chart-funnel-title") });
}

interface BarRow {
  name: string;
  before: number;
  after: number;
  color?: string;
}

/** Horizontal bars, one pair per row: the period before (muted) and this one. */
function beforeAfterBars(
  { t, language }: Pick<ChartContext, "t" | "language">,
  input: { rows: BarRow[]; title: object; afterLabel?: (row: BarRow) => string; beforeLabels: boolean; right: number; empty: string },
): ChartOption {
  const { rows } = input;
  const n = (x: number) => formatCount(x, language);
  const top = 84 + 20 * String((input.title as { subtext?: string }).subtext ?? "").split("\n").length;
  return {
    title: input.title,
    legend: { bottom: 12, itemGap: 24, textStyle: { fontSize: 13 }, data: [t("digest-chart-before"), t("digest-chart-after")] },
    grid: { left: 24, right: input.right, top, bottom: 56, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    xAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 12, formatter: n }, splitLine: { lineStyle: { color: COLORS.grid } } },
    yAxis: { type: "category", inverse: true, data: rows.map((r) => r.name), axisLabel: { fontSize: 14, color: COLORS.text } },
    series: [
      {
        name: t("digest-chart-before"),
        type: "bar",
        data: rows.map((r) => r.before),
        itemStyle: { color: COLORS.previous },
        barGap: "10%",
        label: { show: input.beforeLabels, position: "right", fontSize: 11, color: COLORS.muted, formatter: (p: { value: number }) => n(p.value) },
      },
      {
        name: t("digest-chart-after"),
        type: "bar",
        itemStyle: { color: COLORS.current },
        data: rows.map((r) => ({ value: r.after, itemStyle: { color: r.color ?? COLORS.current } })),
        label: {
          show: true,
          position: "right",
          fontSize: 13,
          fontWeight: input.afterLabel ? "normal" : "bold",
          color: COLORS.text,
          formatter: (p: { dataIndex: number }) => (input.afterLabel ? input.afterLabel(rows[p.dataIndex]!) : n(rows[p.dataIndex]!.after)),
        },
      },
    ],
    ...(rows.every((r) => r.before === 0 && r.after === 0) ? { graphic: [emptyNote(input.empty)] } : {}),
  };
}

function cohortChart(digest: Digest, { t, language }: ChartContext): ChartImage {
  const cohorts = digest.cohorts.filter((c) => c.size > 0);
  const columns = Math.max(1, ...cohorts.map((c) => c.retention.length - 1));
  const cells = cohorts.flatMap((c, row) => c.retention.slice(1).map((share, i) => ({ x: i, y: row, share })));
  const top = Math.max(0.1, ...cells.map((c) => c.share));
  const monthFormat = new Intl.DateTimeFormat(language === "ru" ? "ru-RU" : "en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
  const rows = cohorts.map((c) => `${monthFormat.format(new Date(`${c.cohort}-15T00:00:00Z`))}  ·  ${c.size}`);
  const option: ChartOption = {
    title: title(t("digest-chart-cohorts-title"), t("digest-chart-cohorts-subtitle")),
    grid: { left: 24, right: 32, top: 100, bottom: 48, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    xAxis: {
      type: "category",
      data: Array.from({ length: columns }, (_, i) => `+${i + 1}`),
      name: t("digest-chart-cohorts-x"),
      nameLocation: "middle",
      nameGap: 28,
      nameTextStyle: { color: COLORS.muted, fontSize: 12 },
      splitArea: { show: false },
      axisLabel: { fontSize: 12 },
    },
    yAxis: { type: "category", inverse: true, data: rows, axisLabel: { fontSize: 12, color: COLORS.text } },
    visualMap: { show: false, min: 0, max: top, inRange: { color: ["#eff6ff", "#93c5fd", "#1e40af"] } },
    series: [
      {
        type: "heatmap",
        data: cells.map((c) => ({
          value: [c.x, c.y, c.share],
          label: { color: c.share > top * 0.75 ? "#ffffff" : COLORS.text },
        })),
        itemStyle: { borderColor: "#ffffff", borderWidth: 2 },
        label: { show: true, fontSize: 12, formatter: (p: { value: [number, number, number] }) => `${Math.round(p.value[2] * 100)}%` },
      },
    ],
    ...(cohorts.length === 0 ? { graphic: [emptyNote(t("digest-chart-cohorts-empty"))] } : {}),
  };
  return renderChart(option, { filename: "cohort-retention.png", title: t("digest-chart-cohorts-title") });
}

function sourcesChart(digest: Digest, { t, period, language }: ChartContext): ChartImage {
  const n = (x: number) => formatCount(x, language);
  const ranked = digest.sources.filter((s) => s.gained > 0 || s.previous > 0);
  const rows: BarRow[] = ranked.slice(0, MAX_SOURCES).map((s) => ({ name: s.source ?? t("digest-source-none"), before: s.previous, after: s.gained }));
  const rest = ranked.slice(MAX_SOURCES);
  if (rest.length > 0) rows.push({ name: t("digest-source-other", { count: rest.length }), before: sum(rest, "previous"), after: sum(rest, "gained") });
  const total = t("digest-chart-sources-total", { count: n(sum(ranked, "gained")), previous: n(sum(ranked, "previous")) });
  const option = beforeAfterBars(
    { t, language },
    { rows, title: title(t("digest-chart-sources-title"), `${period}\n${total}`), beforeLabels: true, right: 72, empty: t("digest-chart-sources-empty") },
  );
  return renderChart(option, { filename: "subscribers-by-source.png", title: t("digest-chart-sources-title") });
}

function sum<K extends string>(rows: Record<K, number>[], key: K): number {
  return rows.reduce((a, r) => a + r[key], 0);
}

function formatCount(n: number, language: string): string {
  return new Intl.NumberFormat(language === "ru" ? "ru-RU" : "en-GB").format(n);
}

/** A calendar day (YYYY-MM-DD) as "16 Nov". */
function dayLabel(day: string, language: string): string {
  return new Intl.DateTimeFormat(language === "ru" ? "ru-RU" : "en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
}

/** "16–22 Nov 2026" in the team's timezone (the period's last day is the one before `to`). */
export function periodText(digest: Pick<Digest, "period">, language: string, timezone: string): string {
  const f = new Intl.DateTimeFormat(language === "ru" ? "ru-RU" : "en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: timezone });
  // Intl puts thin spaces around the dash; plain ones read the same and survive every font and chat.
  return f.formatRange(digest.period.from, new Date(digest.period.to.getTime() - 1)).replace(/[\u2009\u202f]/g, " ");
}
