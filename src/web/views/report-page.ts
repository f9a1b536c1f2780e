import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AnalyticsReport } from '../../core/analytics/analytics-report.js';
import type { Locale } from '../../core/types.js';
import { escapeHtml, jsonForScript } from './escape-html.js';
import { REPORT_CHARTS_SCRIPT } from './report-charts-script.js';
import { reportLabels, type ReportLabels } from './report-labels.js';
import { listSections, section } from './report-tables.js';

let echartsSource: string | undefined;

/** ECharts' browser build, read once: inlined so the page works offline. */
function echarts(): string {
  echartsSource ??= readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8').replace(/<\/script/gi, '<\\/script');
  return echartsSource;
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 -apple-system,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#1f2937;background:#f3f4f6}
main{max-width:1100px;margin:0 auto;padding:12px}header h1{font-size:1.4em;margin:8px 0}header p{margin:2px 0;color:#4b5563}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:8px;margin:12px 0}
.card{background:#fff;border-radius:8px;padding:10px}.card b{display:block;font-size:1.5em}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:12px}@media(max-width:760px){.grid{grid-template-columns:1fr}}
section{background:#fff;border-radius:8px;padding:10px 12px;margin:12px 0;min-width:0}h2{font-size:1.05em;margin:4px 0 8px}
.chart{width:100%;height:300px}.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #e5e7eb;vertical-align:top;word-break:break-word}
.none{color:#6b7280}.links{padding-left:20px}code{word-break:break-all}`;

/** What the charts need, small: the page never carries the member list or the question texts twice. */
function chartData(report: AnalyticsReport, t: ReportLabels) {
  const heatmapCells = report.heatmap.flatMap((row, weekday) => row.map((count, hour) => [hour, weekday, count]));
  return {
    labels: { messages: t.messages, members: t.members, newcomers: t.newcomers, weekdays: t.weekdays },
    days: report.days,
    weeks: report.weeks,
    heatmapCells,
    heatmapMax: Math.max(0, ...report.heatmap.flat()),
    members: report.members.slice(0, 15).map((m) => ({ name: m.name, messages: m.messages })),
    keywords: report.keywords.slice(0, 20).map((k) => ({ term: k.term, count: k.count })),
  };
}

function cards(report: AnalyticsReport, t: ReportLabels): string {
  const q = report.questions;
  const median = q.medianFirstResponseMinutes === null ? '—' : `${q.medianFirstResponseMinutes} ${t.minutes}`;
  const items: [string, string | number][] = [
    [t.messages, report.totals.messages], [t.members, report.totals.members], [t.newcomers, report.totals.newcomers],
    [t.activeDays, report.totals.days], [t.questions, q.total], [t.answered, q.answered], [t.unanswered, q.unansweredTotal], [t.medianResponse, median],
  ];
  return `<div class="cards">${items.map(([label, value]) => `<div class="card">${escapeHtml(label)}<b>${escapeHtml(String(value))}</b></div>`).join('')}</div>`;
}

const chart = (name: string, title: string) => section(title, `<div class="chart" data-chart="${name}" role="img" aria-label="${escapeHtml(title)}"></div>`);

/** One self-contained HTML page (styles, data, ECharts inlined): works offline, fits a phone, every chat text escaped. */
export function renderReportPage(report: AnalyticsReport, locale: Locale): string {
  const t = reportLabels(locale);
  const range = `${report.period.first?.slice(0, 10) ?? '—'} … ${report.period.last?.slice(0, 10) ?? '—'}`;
  return `<!doctype html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${report.room.name} · ${t.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(report.room.name)} · ${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.period)}: ${escapeHtml(range)} · ${escapeHtml(t.timeZone)}: ${escapeHtml(report.period.timeZone)}</p></header>
${cards(report, t)}
${chart('days', t.perDay)}
<div class="grid">${chart('weeks', t.perWeek)}${chart('heatmap', t.heatmap)}</div>
<div class="grid">${chart('members', t.topMembers)}${chart('keywords', t.keywords)}</div>
${listSections(report, t)}
</main>
<script type="application/json" id="report-data">${jsonForScript(chartData(report, t))}</script>
<script>${echarts()}</script>
<script>${REPORT_CHARTS_SCRIPT}</script>
</body>
</html>
`;
}

/** The page's inline scripts, exactly as embedded: the web server allows these (by hash) in its CSP. */
export function reportInlineScripts(): string[] {
  return [echarts(), REPORT_CHARTS_SCRIPT];
}
