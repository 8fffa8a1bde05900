/** One entry for the three output formats: HTML page, Markdown tables, or the data itself as JSON. */
import type { ReportData } from './build.js';
import { renderHtml, type HtmlOptions } from './html.js';
import { renderMarkdown } from './markdown.js';

export const REPORT_FORMATS = ['html', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(data: ReportData, format: ReportFormat, options: HtmlOptions = {}): string {
  if (format === 'html') return renderHtml(data, options);
  if (format === 'md') return renderMarkdown(data);
  return `${JSON.stringify(data, null, 2)}\n`;
}
