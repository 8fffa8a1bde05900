/**
 * Time buckets for the trend chart: ISO weeks (Monday to Sunday, UTC) for a
 * short period, calendar months for a longer one. Every bucket between the
 * first and the last conversation is there, empty ones too, so the chart's
 * x axis is even.
 */
export type BucketSize = 'week' | 'month';

export interface TimeBucket {
  /** `2025-W09` for a week, `2025-02` for a month. */
  key: string;
  /** The bucket's first day, `YYYY-MM-DD` (UTC). */
  start: string;
}

const DAY = 86_400_000;
/** Up to this many days between the first and the last conversation, weeks; beyond, months. */
export const WEEKS_UP_TO_DAYS = 120;

export function bucketSizeFor(spanDays: number): BucketSize {
  return spanDays <= WEEKS_UP_TO_DAYS ? 'week' : 'month';
}

/** The first moment (UTC) of the bucket holding `time`. */
export function bucketStart(time: number, size: BucketSize): number {
  const d = new Date(time);
  if (size === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - sinceMonday);
}

function nextBucket(start: number, size: BucketSize): number {
  if (size === 'week') return start + 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** ISO 8601 week key: the week belongs to the year of its Thursday. */
export function isoWeekKey(weekStart: number): string {
  const thursday = new Date(weekStart + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Every bucket from the one holding `from` to the one holding `to`, with a lookup from bucket start to index. */
export function bucketsBetween(from: number, to: number, size: BucketSize): { buckets: TimeBucket[]; indexOf: (time: number) => number } {
  const buckets: TimeBucket[] = [];
  const index = new Map<number, number>();
  const last = bucketStart(to, size);
  for (let s = bucketStart(from, size); s <= last; s = nextBucket(s, size)) {
    index.set(s, buckets.length);
    buckets.push({ key: size === 'week' ? isoWeekKey(s) : isoDay(s).slice(0, 7), start: isoDay(s) });
  }
  return { buckets, indexOf: (time) => index.get(bucketStart(time, size)) ?? -1 };
}
