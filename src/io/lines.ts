/**
 * Streaming line and JSON-array splitting. Both keep 1-based line numbers,
 * strip a UTF-8 BOM and accept LF or CRLF; neither holds more than one
 * record in memory, and a record longer than a bound is reported, not held.
 *
 * Bytes that are not UTF-8 (a Latin-1 export, binary junk) are not replaced
 * silently: each becomes a lone surrogate U+DC80–U+DCFF, which no UTF-8 text
 * can produce, so the reader can find and report the record that holds it.
 */
import { isUtf8 } from 'node:buffer';

/** The longest record (line or JSON array element) read, in UTF-16 code units; a longer one is reported and skipped. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

export interface RawText {
  line: number;
  text: string;
}

export type LinePiece = RawText | { line: number; error: string };

/** A lone surrogate that stands for an undecodable byte (with the u flag, halves of real surrogate pairs do not match). */
export const UNDECODABLE = /[\uDC80-\uDCFF]/u;

/** The byte an undecodable-byte marker stands for, e.g. "0xE9". */
export function undecodableByte(marker: string): string {
  return `0x${(marker.charCodeAt(0) - 0xdc00).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Length of `bytes` without a trailing multi-byte sequence that the next chunk may complete. */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = bytes[n - k]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: its lead byte is further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

/** UTF-8 decoding that maps each byte of an invalid sequence to U+DC00 + byte (only used on chunks that are not valid UTF-8). */
function decodeMarkingInvalid(b: Uint8Array): string {
  const out: string[] = [];
  let units: number[] = [];
  const cont = (i: number) => i < b.length && (b[i]! & 0xc0) === 0x80;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let cp = -1;
    let len = 1;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) {
      cp = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
      len = 2;
    } else if (c >= 0xe0 && c <= 0xef && cont(i + 1) && cont(i + 2)) {
      const x = ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
      if (x >= 0x800 && (x < 0xd800 || x > 0xdfff)) [cp, len] = [x, 3];
    } else if (c >= 0xf0 && c <= 0xf4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
      const x = ((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f);
      if (x >= 0x10000 && x <= 0x10ffff) [cp, len] = [x, 4];
    }
    if (cp < 0) units.push(0xdc00 + c);
    else if (cp > 0xffff) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    i += len;
    if (units.length >= 8192) {
      out.push(String.fromCharCode(...units));
      units = [];
    }
  }
  out.push(String.fromCharCode(...units));
  return out.join('');
}

/** Text chunks of a byte stream: BOM stripped, characters split across chunks joined, undecodable bytes marked. */
export async function* decodeChunks(stream: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  let pending: Buffer | undefined; // the start of a character split across chunks
  let first = true;
  const decode = (bytes: Buffer) => (isUtf8(bytes) ? bytes.toString('utf8') : decodeMarkingInvalid(bytes));
  for await (const chunk of stream) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (pending) {
        bytes = Buffer.concat([pending, bytes]);
        pending = undefined;
      }
      const cut = completeLength(bytes);
      if (cut < bytes.length) {
        pending = Buffer.from(bytes.subarray(cut));
        bytes = bytes.subarray(0, cut);
      }
      text = decode(bytes);
    }
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text) yield text;
  }
  if (pending) yield decode(pending); // a truncated character at the end of the file
}

const tooLong = (max: number) => `record longer than ${max} characters: skipped (is this really JSON Lines?)`;

/**
 * Yields every line (without its line break) with its 1-based number; a line
 * longer than `maxChars` is yielded as an error instead, without holding it.
 */
export async function* splitLines(stream: AsyncIterable<string | Uint8Array>, maxChars = MAX_RECORD_CHARS): AsyncGenerator<LinePiece> {
  const parts: string[] = [];
  let length = 0;
  let overflow = false;
  let line = 0;
  const finish = (): LinePiece => {
    const piece: LinePiece = overflow ? { line, error: tooLong(maxChars) } : { line, text: stripCr(parts.join('')) };
    parts.length = 0;
    length = 0;
    overflow = false;
    return piece;
  };
  const keep = (text: string) => {
    if (overflow || !text) return;
    length += text.length;
    if (length > maxChars) {
      overflow = true;
      parts.length = 0;
    } else parts.push(text);
  };
  for await (const text of decodeChunks(stream)) {
    let start = 0;
    // only the new text is searched for line breaks, so a long line costs its length once
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      keep(text.slice(start, nl));
      line++;
      yield finish();
      start = nl + 1;
    }
    keep(text.slice(start));
  }
  if (parts.length || overflow) {
    line++;
    yield finish();
  }
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

export type ArrayPiece = { line: number; text: string } | { line: number; error: string };

/**
 * Splits a top-level JSON array into the source text of its elements without
 * parsing the whole document: a small scanner tracks depth and strings.
 */
export async function* splitJsonArray(stream: AsyncIterable<string | Uint8Array>, maxChars = MAX_RECORD_CHARS): AsyncGenerator<ArrayPiece> {
  let state = 'before' as 'before' | 'between' | 'element' | 'after';
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let overflow = false;
  let elementLine = 1;
  const append = (text: string) => {
    if (overflow) return;
    if (element.length + text.length > maxChars) {
      overflow = true;
      element = '';
    } else element += text;
  };
  const finish = (): ArrayPiece => {
    const piece = overflow ? { line: elementLine, error: tooLong(maxChars) } : { line: elementLine, text: element };
    element = '';
    overflow = false;
    return piece;
  };
  for await (const text of decodeChunks(stream)) {
    let segmentStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92)
            escaped = true; // backslash
          else if (c === 34) inString = false; // quote
        } else if (c === 34) inString = true;
        else if (c === 123 || c === 91)
          depth++; // { [
        else if (c === 125 || c === 93) {
          // } ]
          if (depth === 0 && c === 93) {
            append(text.slice(segmentStart, i));
            yield finish();
            state = 'after';
          } else depth--;
        } else if (c === 44 && depth === 0) {
          append(text.slice(segmentStart, i));
          yield finish();
          state = 'between';
        }
      } else if (c === 10 || c === 13 || c === 32 || c === 9) {
        // whitespace between tokens
      } else if (state === 'before') {
        if (c !== 91) {
          yield { line, error: 'expected a JSON array ("[" …) or use JSON Lines (.jsonl)' };
          return;
        }
        state = 'between';
      } else if (state === 'between') {
        if (c === 93) state = 'after';
        else {
          state = 'element';
          elementLine = line;
          segmentStart = i;
          depth = 0;
          inString = c === 34;
          escaped = false;
          if (c === 123 || c === 91) depth = 1;
        }
      } else {
        yield { line, error: 'unexpected content after the end of the JSON array' };
        return;
      }
      if (c === 10) line++;
    }
    if (state === 'element') append(text.slice(segmentStart));
  }
  const end = state as string;
  if (end === 'element' || end === 'between') {
    if (element.trim() || overflow) yield { line: elementLine, error: 'unterminated JSON array: the file ends inside an element' };
    else yield { line, error: 'unterminated JSON array: missing "]"' };
  }
  // a file that ends before '[' (empty, or blank) holds no records
}
