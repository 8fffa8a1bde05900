/**
 * Numbers and dates as the report shows them, in the report's locale. Dates
 * are formatted in UTC, so the same data gives the same page on any machine.
 */
import type { BucketSize, TimeBucket } from './buckets.js';
import type { ReportLabels } from './labels.js';

export function count(labels: ReportLabels, n: number): string {
  return new Intl.NumberFormat(labels.locale).format(n);
}

export function percent(share: number): string {
  const p = share * 100;
  return `${p > 0 && p < 1 ? '<1' : Math.round(p)}%`;
}

/** A change in percentage points, signed: "+8.7 pp". */
export function points(labels: ReportLabels, change: number): string {
  const f = new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' });
  return `${f.format(change * 100)} pp`;
}

export function lift(labels: ReportLabels, x: number): string {
  return `×${new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(x)}`;
}

export function day(labels: ReportLabels, isoDate: string): string {
  return new Intl.DateTimeFormat(labels.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(isoDate),
  );
}

/** A trend bucket's name: "Feb 2025" for a month, "24 Feb 2025" (its Monday) for a week; `short` drops the year of a week. */
export function bucketName(labels: ReportLabels, bucket: TimeBucket, size: BucketSize, short = false): string {
  const t = Date.parse(bucket.start);
  const options: Intl.DateTimeFormatOptions =
    size === 'month'
      ? { month: 'short', year: short ? '2-digit' : 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', ...(short ? {} : { year: 'numeric' as const }), timeZone: 'UTC' };
  return new Intl.DateTimeFormat(labels.locale, options).format(t);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
