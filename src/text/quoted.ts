/**
 * Text inside a turn that is not the writer's own words. Quoted e-mail history: a customer's reply often carries the
 * shop's earlier message below it ("On Mon … wrote:", "> Would you like the
 * warranty too?"). Those are not the writer's own words, so the text layer
 * leaves them out of the tokens; offsets still index the full turn text.
 * Links and e-mail addresses are addresses, not words: a pasted
 * ".../verjaardag-cadeaubon-50" says nothing about why the customer buys.
 */

/** Cheap test first: most turns have none of these marks and skip the line scan. */
const HINT =
  /(?:^|\n)[ \t]*>|wrote:|schreef|geschreven|original message|oorspronkelijk bericht|forwarded message|doorgestuurd bericht|(?:^|\n)[ \t]*(?:from|van)[ \t]*:/i;

// A reply header opens the history: everything from it to the end of the turn is quoted.
const ON_WROTE_START = /^[ \t]*(?:on|op)[ \t]\S/i;
const ON_WROTE_END = /(?:\bwrote|\bschreef\b.*|\bgeschreven)[ \t]*:[ \t]*$/i;
const SEPARATOR = /^[ \t]*-{2,}[ \t]*(?:original message|oorspronkelijk bericht|forwarded message|doorgestuurd bericht)[ \t]*-{2,}/i;
const FROM = /^[ \t]*(?:from|van)[ \t]*:[ \t]*\S/i;
const HEADER_FIELD = /^[ \t]*(?:sent|verzonden|date|datum|to|aan|subject|onderwerp)[ \t]*:/i;
const QUOTED_LINE = /^[ \t]*>/;

/** [start, end) ranges of quoted history in `text`, in order and disjoint; empty for most turns. */
export function quotedRanges(text: string): Array<[number, number]> {
  if (!HINT.test(text)) return [];
  const ranges: Array<[number, number]> = [];
  const lines: Array<{ start: number; end: number; text: string }> = [];
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lines.push({ start, end, text: text.slice(start, end) });
    start = end + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]?.text ?? '';
    const opensHistory =
      SEPARATOR.test(line.text) ||
      (ON_WROTE_START.test(line.text) && (ON_WROTE_END.test(line.text) || ON_WROTE_END.test(next))) ||
      (FROM.test(line.text) && lines.slice(i + 1, i + 4).some((l) => HEADER_FIELD.test(l.text)));
    if (opensHistory) {
      ranges.push([line.start, text.length]);
      break;
    }
    if (QUOTED_LINE.test(line.text)) {
      const last = ranges[ranges.length - 1];
      // consecutive quoted lines form one range
      if (last && last[1] >= line.start - 1) last[1] = line.end;
      else ranges.push([line.start, line.end]);
    }
  }
  return ranges;
}

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const LOCAL_PART = /[\w.+-]/;
const DOMAIN_PART = /[\w.-]/;
// an address is never longer than this: expanding around an "@" stays linear on adversarial text
const MAX_ADDRESS_SIDE = 128;

/** [start, end) ranges of links and e-mail addresses, in order and disjoint. */
export function linkRanges(text: string): Array<[number, number]> {
  const hasUrl = text.includes('http') || text.includes('www.');
  if (!hasUrl && !text.includes('@')) return [];
  const ranges: Array<[number, number]> = [];
  if (hasUrl) for (const m of text.matchAll(URL)) ranges.push([m.index, m.index + m[0].length]);
  // e-mail addresses by scanning out from each "@" (a regex would retry from every letter of a long word)
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let a = at;
    while (a > 0 && at - a < MAX_ADDRESS_SIDE && LOCAL_PART.test(text[a - 1]!)) a--;
    let b = at + 1;
    while (b < text.length && b - at < MAX_ADDRESS_SIDE && DOMAIN_PART.test(text[b]!)) b++;
    while (b > at + 1 && !/\w/.test(text[b - 1]!)) b--; // "mail me at jan@shop.nl." ends before the dot
    const domain = text.slice(at + 1, b);
    if (a < at && /\w\.\w/.test(domain)) ranges.push([a, b]);
  }
  return mergeRanges(ranges);
}

/** Sorted, with overlapping ranges joined. */
function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [a, b] of ranges.sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Quoted history, links and e-mail addresses: the ranges the text layer leaves out, in order and disjoint. */
export function skippedRanges(text: string): Array<[number, number]> {
  const links = linkRanges(text);
  const quoted = quotedRanges(text);
  if (!links.length) return quoted;
  if (!quoted.length) return links;
  return mergeRanges([...quoted, ...links]);
}
