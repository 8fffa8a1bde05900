/**
 * Quoted e-mail history inside a turn: a customer's reply often carries the
 * shop's earlier message below it ("On Mon … wrote:", "> Would you like the
 * warranty too?"). Those are not the writer's own words, so the text layer
 * leaves them out of the tokens; offsets still index the full turn text.
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
