/**
 * Bar charts for the printed documents as inline SVG, built as strings (no DOM, no chart library): the review
 * report prints the charts the review screen shows from the same figures, so the PDF carries them too.
 */
import { escapeHtml } from './escape';

/** One bar: its label, its value, and whether it is drawn light (a week only partly counted). */
export interface ChartBar {
  label: string;
  value: number;
  light?: boolean;
}

/** A bar chart as the document model holds it (the figures; the renderers draw it). */
export interface BarChart {
  /** Read by a screen reader and printed as the chart's caption. */
  title: string;
  bars: ChartBar[];
  /** A dashed reference line (the plan's weekly need), drawn across the bars. */
  line?: { value: number; label: string };
  /** Horizontal bars (long category labels, such as rejection reasons); vertical otherwise. */
  horizontal?: boolean;
  /** What a value is, for each bar's tooltip-like title ("MQLs"). */
  unit: string;
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The top of a value axis: the largest value or the reference line, with a little room, rounded to 1, 2 or 5 × 10ⁿ. */
export function axisMax(values: number[], line: number | null): number {
  const top = Math.max(0, ...values.filter(Number.isFinite), line ?? 0) * 1.05;
  if (top <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(top));
  const step = top / magnitude <= 2 ? magnitude / 5 : top / magnitude <= 5 ? magnitude / 2 : magnitude;
  return Math.max(1, Math.ceil(top / step) * step);
}

const colours = { bar: '#2754a0', light: '#a9bde4', line: '#b02a2a', grid: '#dee2e6', text: '#1a1b1e', muted: '#495057' };

/**
 * The chart as an SVG element: one `<rect class="bar">` per bar (each with its label and value as a `<title>`), the
 * value axis from zero, and the reference line when there is one. An empty chart says so instead of drawing nothing.
 */
export function barChartSvg(chart: BarChart): string {
  const width = 640;
  if (chart.bars.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="40" viewBox="0 0 ${width} 40" role="img" aria-label="${escapeHtml(chart.title)}: no figures"><text x="0" y="24" font-size="13" fill="${colours.muted}">No figures to chart.</text></svg>`;
  const max = axisMax(chart.bars.map((bar) => bar.value), chart.line?.value ?? null);
  // Round ticks (steps of 1, 2 or 5 × 10ⁿ, about four of them), so every label is a number a reader can say.
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? rough);
  const ticks = Array.from({ length: Math.floor(max / step + 1e-9) + 1 }, (_, index) => index * step);
  const parts: string[] = [];
  let height: number;
  if (chart.horizontal) {
    const left = 190;
    const plot = width - left - 60;
    const row = 22;
    height = chart.bars.length * row + 24;
    for (const tick of ticks) {
      const x = left + (tick / max) * plot;
      parts.push(`<line x1="${x.toFixed(1)}" y1="0" x2="${x.toFixed(1)}" y2="${height - 20}" stroke="${colours.grid}" stroke-width="1"/><text x="${x.toFixed(1)}" y="${height - 6}" font-size="10" text-anchor="middle" fill="${colours.muted}">${n(tick)}</text>`);
    }
    chart.bars.forEach((bar, index) => {
      const y = index * row + 3;
      const length = (Math.max(0, bar.value) / max) * plot;
      parts.push(`<text x="${left - 6}" y="${y + 13}" font-size="11" text-anchor="end" fill="${colours.text}">${escapeHtml(clip(bar.label, 30))}</text>`);
      parts.push(`<rect class="bar" x="${left}" y="${y}" width="${length.toFixed(1)}" height="${row - 6}" fill="${bar.light ? colours.light : colours.bar}"><title>${escapeHtml(bar.label)}: ${n(bar.value)} ${escapeHtml(chart.unit)}</title></rect>`);
      parts.push(`<text x="${(left + length + 4).toFixed(1)}" y="${y + 13}" font-size="10" fill="${colours.muted}">${n(bar.value)}</text>`);
    });
  } else {
    const left = 44;
    const plot = width - left - 8;
    const top = 14;
    const plotHeight = 170;
    height = top + plotHeight + 40;
    const y = (value: number) => top + plotHeight - (Math.max(0, value) / max) * plotHeight;
    for (const tick of ticks) parts.push(`<line x1="${left}" y1="${y(tick).toFixed(1)}" x2="${width - 8}" y2="${y(tick).toFixed(1)}" stroke="${colours.grid}" stroke-width="1"/><text x="${left - 6}" y="${(y(tick) + 3).toFixed(1)}" font-size="10" text-anchor="end" fill="${colours.muted}">${n(tick)}</text>`);
    const slot = plot / chart.bars.length;
    const barWidth = Math.max(2, Math.min(48, slot * 0.7));
    // Labels are thinned so they never overlap: about one every 46 px.
    const every = Math.max(1, Math.ceil(46 / slot));
    chart.bars.forEach((bar, index) => {
      const x = left + index * slot + (slot - barWidth) / 2;
      parts.push(`<rect class="bar" x="${x.toFixed(1)}" y="${y(bar.value).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(top + plotHeight - y(bar.value)).toFixed(1)}" fill="${bar.light ? colours.light : colours.bar}"><title>${escapeHtml(bar.label)}: ${n(bar.value)} ${escapeHtml(chart.unit)}</title></rect>`);
      if (index % every === 0) parts.push(`<text x="${(x + barWidth / 2).toFixed(1)}" y="${top + plotHeight + 14}" font-size="10" text-anchor="middle" fill="${colours.muted}">${escapeHtml(clip(bar.label, 12))}</text>`);
    });
    if (chart.line) {
      const lineY = y(chart.line.value).toFixed(1);
      parts.push(`<line class="reference" x1="${left}" y1="${lineY}" x2="${width - 8}" y2="${lineY}" stroke="${colours.line}" stroke-width="2" stroke-dasharray="6 4"/><text x="${width - 10}" y="${(Number(lineY) - 4).toFixed(1)}" font-size="10" text-anchor="end" fill="${colours.line}">${escapeHtml(chart.line.label)}</text>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(chart.title)}">${parts.join('')}</svg>`;
}
