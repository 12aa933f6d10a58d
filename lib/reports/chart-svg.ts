import "server-only";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Bar charts drawn on the server as SVG by Apache ECharts (server-side rendering): the browser
// receives markup and no chart JavaScript at all (docs/decisions/018-reports.md). Only the
// pieces used here are registered, so the server bundle carries bars, a grid and a legend.

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

export type ChartSeries = {
  name: string;
  color: string;
  /** One value per category; null draws no bar (a hidden or missing figure). */
  values: (number | null)[];
  /** The text printed at the end of each bar (formatted number, "< 5", "*"). */
  labels: string[];
};

export type BarChartSpec = {
  categories: string[];
  series: ChartSeries[];
  /** Horizontal bars (categories down the side) read best on a phone with long labels. */
  horizontal: boolean;
  /** Width of the drawing in SVG units; it scales down to fit narrow screens. */
  width?: number;
  /** Formats the value axis ticks (e.g. "10 %"). */
  axisUnit?: string;
  locale: string;
};

const CACHE = new Map<string, string>();
const CACHE_SIZE = 200;
const FONT = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif";

/** Inline `style="a:b"` becomes presentation attributes, so a strict style CSP cannot blank the text. */
function withoutInlineStyles(svg: string): string {
  return svg.replace(/<style[^>]*>[\s\S]*?<\/style>/g, "").replace(/ style="([^"]*)"/g, (_, css: string) =>
    css
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [prop, ...rest] = d.split(":");
        return ` ${prop.trim()}="${rest.join(":").trim().replace(/"/g, "&quot;")}"`;
      })
      .join(""),
  );
}

export function renderBarChart(spec: BarChartSpec): string {
  const key = JSON.stringify(spec);
  const cached = CACHE.get(key);
  if (cached) return cached;
  const width = spec.width ?? 320;
  const rows = spec.categories.length;
  const height = spec.horizontal ? 48 + rows * Math.max(22, 16 * spec.series.length + 8) : 240;
  const number = new Intl.NumberFormat(spec.locale, { maximumFractionDigits: 1 });
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  const categoryAxis = {
    type: "category" as const,
    data: spec.categories,
    inverse: spec.horizontal,
    axisLabel: {
      fontFamily: FONT,
      fontSize: 12,
      color: "#334155",
      width: spec.horizontal ? 120 : undefined,
      overflow: "truncate" as const,
    },
    axisTick: { show: false },
  };
  const valueAxis = {
    type: "value" as const,
    axisLabel: {
      fontFamily: FONT,
      fontSize: 11,
      color: "#475569",
      formatter: (v: number) => `${number.format(v)}${spec.axisUnit ?? ""}`,
    },
    splitNumber: 3,
    splitLine: { lineStyle: { color: "#e2e8f0" } },
  };
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    legend: spec.series.length > 1 ? { top: 0, left: 0, textStyle: { fontSize: 11, color: "#0f172a" } } : undefined,
    grid: {
      left: 12,
      right: 52,
      top: spec.series.length > 1 ? 28 : 8,
      bottom: 8,
      containLabel: true,
    },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s) => ({
      type: "bar",
      name: s.name,
      data: s.values.map((v) => (v === null ? "-" : v)),
      itemStyle: { color: s.color },
      barMaxWidth: 22,
      label: {
        show: true,
        position: spec.horizontal ? "right" : "top",
        fontSize: 11,
        color: "#0f172a",
        formatter: (p: { dataIndex: number }) => s.labels[p.dataIndex] ?? "",
      },
    })),
  });
  const svg = withoutInlineStyles(chart.renderToSVGString());
  chart.dispose();
  if (CACHE.size >= CACHE_SIZE) CACHE.delete(CACHE.keys().next().value!);
  CACHE.set(key, svg);
  return svg;
}
