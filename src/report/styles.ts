/**
 * The report page's stylesheet, inlined into the HTML: system fonts (nothing
 * to fetch), a readable measure, tables that scroll sideways on a phone, and
 * a print layout (no navigation, no cards split across pages).
 */
export const STYLES = `
:root{--ink:#0f172a;--ink-2:#334155;--muted:#64748b;--line:#e2e8f0;--soft:#f8fafc;--panel:#ffffff;--brand:#0f3b5f;--accent:#2563eb;--mark:#fef3c7;
--radius:10px;--shadow:0 1px 2px rgba(15,23,42,.06),0 1px 3px rgba(15,23,42,.08);color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Liberation Sans",Arial,sans-serif;color:var(--ink);background:#f1f5f9}
.wrap{max-width:1180px;margin:0 auto;padding:0 24px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:8px 12px;z-index:10}
.skip:focus{left:8px;top:8px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
a{color:#1d4ed8}
a:focus-visible,summary:focus-visible{outline:3px solid #93c5fd;outline-offset:2px;border-radius:3px}
.masthead{background:linear-gradient(135deg,#0f3b5f 0%,#155e75 100%);color:#fff;padding:36px 0 28px}
.masthead h1{margin:2px 0 6px;font-size:30px;line-height:1.2;letter-spacing:-.01em;font-weight:700}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.12em;font-size:12px;opacity:.8;font-weight:600}
.subtitle{margin:0;opacity:.92;font-size:16px}
.toc{background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:5}
.toc ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 6px}
.toc a{display:block;padding:10px 10px;color:var(--ink-2);text-decoration:none;font-size:14px;font-weight:500;border-bottom:2px solid transparent}
.toc a:hover{color:var(--ink);border-bottom-color:var(--accent)}
main{padding-top:8px;padding-bottom:24px}
.report-section{background:var(--panel);border:1px solid var(--line);border-radius:var(--radius);box-shadow:var(--shadow);padding:22px 24px 24px;margin:22px 0;scroll-margin-top:56px}
.report-section>h2{margin:0;font-size:22px;line-height:1.25;letter-spacing:-.01em}
.intro{margin:4px 0 18px;color:var(--muted);max-width:75ch}
h3{font-size:16px;margin:0 0 10px;line-height:1.3}
h4{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:14px 0 6px;font-weight:600}
.sub-h{margin-top:22px}
.muted{color:var(--muted);font-weight:400}
.note{color:var(--muted);font-size:13px;margin:10px 0 0}
.empty{color:var(--muted);font-style:italic}
.grid{display:grid;gap:20px}
.grid.two{grid-template-columns:repeat(auto-fit,minmax(320px,1fr))}
.grid.wide-narrow{grid-template-columns:minmax(0,1fr) 270px}
.compact .bar,.tight .bar{width:60px}
.grid.three-two{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}
.compact td.share{min-width:0}
.panel{min-width:0}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0 0 22px}
.kpi{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.kpi.wide{grid-column:span 2}
.kpi dt{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600}
.kpi dd{margin:4px 0 0;font-size:26px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.kpi dd.small,.kpi.wide dd{font-size:17px;font-weight:600}
.kpi .sub{display:block;font-size:13px;font-weight:400;color:var(--muted);margin-top:2px}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line);white-space:nowrap}
tbody th{font-weight:600}
table.tight tbody th{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.rank{color:var(--muted)}
td.share{min-width:150px;white-space:nowrap}
td.trend{white-space:nowrap}
.bar{display:inline-block;vertical-align:middle;width:90px;height:8px;background:#eef2f7;border-radius:4px;overflow:hidden;margin-right:8px}
.bar>span{display:block;height:100%;border-radius:4px}
.pct{font-variant-numeric:tabular-nums;color:var(--ink-2)}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:8px;vertical-align:baseline}
.spark{vertical-align:middle;margin-right:8px}
.delta{display:inline-block;font-size:12.5px;font-weight:600;padding:1px 7px;border-radius:999px;font-variant-numeric:tabular-nums;white-space:nowrap}
.delta.up{background:#fee2e2;color:#991b1b}
.delta.down{background:#dcfce7;color:#166534}
.delta.flat{background:#f1f5f9;color:var(--ink-2)}
.trend-list{margin:0;padding:0;list-style:none;counter-reset:t}
.trend-list li{display:flex;justify-content:space-between;align-items:center;gap:10px;padding:7px 0;border-bottom:1px solid var(--line);counter-increment:t}
.trend-list li::before{content:counter(t);color:var(--muted);width:1.6em;font-variant-numeric:tabular-nums}
.trend-list li>span:first-of-type{flex:1}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:16px}
.card{border:1px solid var(--line);border-top:4px solid var(--accent);border-radius:8px;padding:14px 16px;background:#fff;min-width:0}
.card h3{margin:0}
.card .meta{margin:2px 0 8px;color:var(--muted);font-size:13px}
.quotes{display:grid;gap:8px}
.quote{margin:0;padding:8px 12px;background:var(--soft);border-left:3px solid #cbd5e1;border-radius:0 6px 6px 0}
.quote blockquote{margin:0}
.quote p{margin:0;font-size:14px;line-height:1.5;overflow-wrap:anywhere}
.quote p::before{content:"\\201C"}
.quote p::after{content:"\\201D"}
.quote mark{background:var(--mark);color:inherit;padding:0 1px;border-radius:2px}
.quote figcaption{font-size:12px;color:var(--muted);margin-top:4px}
.quote-cell{min-width:280px;max-width:460px}
table.findings td,table.findings th{padding-top:10px;padding-bottom:10px}
.item{font-weight:600}
.spellings{display:block;font-weight:400;font-size:12.5px;color:var(--muted)}
.tag{display:inline-block;font-size:12.5px;padding:1px 8px;border-radius:999px;background:#fef3c7;color:#92400e;white-space:nowrap}
.chips{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.chips li{font-size:12.5px;padding:2px 9px;border-radius:999px;background:#f1f5f9;border:1px solid var(--line);overflow-wrap:anywhere}
.chips .n,.legend .n{color:var(--muted);font-variant-numeric:tabular-nums}
.chart-figure{margin:0}
.chart-caption{font-size:13px;color:var(--muted);margin-bottom:4px}
svg.chart{display:block;width:100%;height:auto}
.chart .grid line{stroke:#e2e8f0;stroke-width:1}
.chart .axis{stroke:#94a3b8;stroke-width:1}
.chart .tick{font-size:11px;fill:#64748b}
.chart .plot{fill:#fbfdff;stroke:var(--line)}
.chart .origin{stroke:#e2e8f0;stroke-dasharray:4 4}
.chart .mark{stroke:#fff;stroke-width:1;fill-opacity:.9}
.chart .centre-label{font-size:12px;font-weight:700;fill:#0f172a;paint-order:stroke;stroke:#fff;stroke-width:3px}
.legend{list-style:none;margin:10px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13.5px}
.legend li{display:flex;align-items:center;gap:8px}
.legend.vertical{flex-direction:column;gap:8px}
.legend.vertical li{align-items:flex-start}
.swatch{display:inline-block;width:18px;height:4px;border-radius:2px}
.swatch-shape{flex:none;margin-top:3px}
.chart-data{margin-top:12px;font-size:14px}
.chart-data summary{cursor:pointer;color:var(--ink-2);font-weight:500}
.map-layout{display:grid;grid-template-columns:minmax(0,2fr) minmax(240px,1fr);gap:24px;align-items:start;margin-bottom:20px}
.map svg{max-height:460px}
.persona header{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px}
.persona header h3{flex:1;min-width:0}
.persona header .meta{flex-basis:100%;margin:0}
.persona .description{margin:8px 0 0;color:var(--ink-2)}
.traits{list-style:none;margin:0;padding:0;display:grid;gap:5px}
.traits li{display:grid;grid-template-columns:minmax(0,1fr) auto 70px;align-items:center;gap:8px;font-size:13.5px}
.traits .bar{width:70px;margin:0}
.traits .lift{font-variant-numeric:tabular-nums;font-weight:600;color:var(--ink-2)}
.low{font-size:12.5px;color:var(--muted);margin:8px 0 0}
.low span{font-weight:600}
.mixes{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:0 14px}
.mix{min-width:0}
.sources{display:grid;gap:6px}
.source{border:1px solid var(--line);border-radius:8px;background:#fff}
.source>summary{cursor:pointer;list-style:none;padding:8px 14px;display:flex;flex-wrap:wrap;gap:2px 14px;align-items:baseline}
.source>summary::-webkit-details-marker{display:none}
.source>summary::before{content:"\\25B8";color:var(--muted);width:10px}
.source[open]>summary::before{content:"\\25BE"}
.source[open]>summary{border-bottom:1px solid var(--line)}
.source-id{font-weight:600;font-size:14px}
.source .meta{color:var(--muted);font-size:13px}
.source:has(:target){border-color:#f59e0b;box-shadow:0 0 0 3px #fde68a}
.source .turns{padding:10px 14px 12px;scroll-margin-top:100px}
.turns{list-style:none;margin:0;padding:0;display:grid;gap:6px}
.turn{display:grid;grid-template-columns:96px minmax(0,1fr);gap:10px;font-size:14px}
.turn .role{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;padding-top:2px}
.turn p{margin:0;white-space:pre-line;overflow-wrap:anywhere}
.turn.customer p{color:var(--ink)}
.turn.agent p,.turn.bot p,.turn.system p{color:var(--ink-2)}
.page-footer{color:var(--muted);font-size:13px;padding-bottom:32px}
@media (max-width:1000px){.grid.three-two,.grid.wide-narrow{grid-template-columns:1fr}}
@media (max-width:760px){
.wrap{padding:0 14px}
.masthead h1{font-size:24px}
.report-section{padding:16px 14px}
.grid.wide-narrow,.grid.three-two,.map-layout{grid-template-columns:1fr}
.kpi.wide{grid-column:1/-1}
.toc{position:static}
.toc ul{flex-wrap:nowrap;overflow-x:auto;-webkit-overflow-scrolling:touch}
.toc a{white-space:nowrap;padding:10px 8px}
.cards{grid-template-columns:minmax(0,1fr)}
.turn{grid-template-columns:1fr;gap:0}
.quote-cell{min-width:220px}
}
@media print{
body{background:#fff;font-size:11pt}
.toc,.skip{display:none}
.masthead{background:none;color:var(--ink);padding:0 0 8px;border-bottom:2px solid var(--ink)}
.report-section{box-shadow:none;border:none;padding:0;margin:18px 0;break-before:auto}
.card,.kpi,.source,tr,figure,.quote{break-inside:avoid}
h2,h3{break-after:avoid}
a{color:inherit;text-decoration:none}
.table-wrap{overflow:visible}
.chart-data{display:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`
  .trim()
  .replace(/\n/g, '');
