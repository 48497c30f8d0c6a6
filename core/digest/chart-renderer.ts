// Charts to PNG, in-process and offline: ECharts renders an option to an SVG
// string on the server (no DOM, no canvas), resvg rasterizes it. The font is
// DejaVu Sans from the dejavu-fonts-ttf package (Bitstream Vera licence, free
// to redistribute; Latin and Cyrillic), loaded explicitly with system fonts
// off, so text renders the same on every machine - a server without any fonts
// installed included. ECharts lays out labels, legends and margins by text
// width; without a browser it would guess from Arial-like widths (and count
// every Cyrillic letter as a square), so it is given DejaVu's real advance
// widths instead - otherwise legends overlap and labels clip.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { BarChart, HeatmapChart, LineChart } from "echarts/charts";
import { GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
// oxlint-disable-next-line import/default -- opentype.js ships its default export in the ESM build its types do not describe
import opentype, { type Font } from "opentype.js";

echarts.use([BarChart, HeatmapChart, LineChart, GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, VisualMapComponent, SVGRenderer]);

export const CHART_FONT = "DejaVu Sans";
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => path.join(FONT_DIR, f));

const [regular, bold] = FONT_FILES.map((file) => {
  const bytes = fs.readFileSync(file);
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}) as [Font, Font];

/** Width of `text` in a CSS font such as "bold 14px DejaVu Sans", from the font's glyph advances (no kerning). */
export function measureText(text: string, font = `12px ${CHART_FONT}`): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const face = /\b(bold|bolder|[6-9]00)\b/.test(font) ? bold : regular;
  let units = 0;
  for (const char of text) units += face.charToGlyph(char).advanceWidth ?? face.unitsPerEm / 2;
  return (units * size) / face.unitsPerEm;
}

// ECharts calls this with whatever label it has, an empty one included.
echarts.setPlatformAPI({ measureText: (text: string | undefined, font?: string) => ({ width: measureText(text ?? "", font) }) });

/** Layout size in CSS pixels; the PNG is SCALE times larger so it stays sharp on high-density screens. */
export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;
export const CHART_SCALE = 2;

/** The palette every chart shares: one accent, a muted "previous", semantic good/warn/bad. */
export const COLORS = {
  text: "#1f2937",
  muted: "#6b7280",
  grid: "#e5e7eb",
  current: "#2563eb",
  previous: "#cbd5e1",
  good: "#16a34a",
  warn: "#f59e0b",
  bad: "#dc2626",
  background: "#ffffff",
} as const;

export interface ChartImage {
  /** e.g. nps-trend.png */
  filename: string;
  /** Shown next to the image (Slack file title, Telegram caption). */
  title: string;
  png: Buffer;
  width: number;
  height: number;
}

export type ChartOption = echarts.EChartsCoreOption;

export function renderChart(option: ChartOption, meta: { filename: string; title: string }): ChartImage {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  let svg: string;
  try {
    chart.setOption({
      animation: false,
      backgroundColor: COLORS.background,
      textStyle: { fontFamily: CHART_FONT, color: COLORS.text },
      ...option,
    });
    svg = chart.renderToSVGString();
  } finally {
    // Without dispose, ECharts keeps its instance (and a timer) alive.
    chart.dispose();
  }
  const image = new Resvg(svg, {
    fitTo: { mode: "zoom", value: CHART_SCALE },
    background: COLORS.background,
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  }).render();
  return { ...meta, png: image.asPng(), width: image.width, height: image.height };
}
