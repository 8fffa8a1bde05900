export {
  buildReport,
  majorityLanguage,
  REPORT_FORMAT,
  REPORT_VERSION,
  type BuildReportOptions,
  type ReportData,
  type ReportQuote,
  type ReportPersona,
  type SubtypeCount,
  type SubtypeFinding,
  type ObstacleFinding,
  type UpsellFinding,
  type ProductMention,
  type AssortmentGap,
  type Trend,
  type MapPoint,
  type QuotedConversation,
} from './build.js';
export { createReport, type CreateReportOptions } from './create.js';
export { renderHtml, SECTION_IDS, INTENT_COLOURS, PERSONA_COLOURS, type HtmlOptions } from './html.js';
export { renderMarkdown } from './markdown.js';
export { renderReport, REPORT_FORMATS, type ReportFormat } from './render.js';
export { REPORT_LABELS, labelsFor, type ReportLabels } from './labels.js';
export { escapeHtml, escapeMarkdown } from './escape.js';
export type { BucketSize, TimeBucket } from './buckets.js';
