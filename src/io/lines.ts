/**
 * Streaming line and JSON-array splitting. Both keep 1-based line numbers,
 * strip a UTF-8 BOM and accept LF or CRLF; neither holds more than one
 * record in memory.
 */
import { StringDecoder } from 'node:string_decoder';

export interface RawText {
  line: number;
  text: string;
}

async function* decodeChunks(stream: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of stream) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Yields every line (without its line break) with its 1-based number. */
export async function* splitLines(stream: AsyncIterable<string | Uint8Array>): AsyncGenerator<RawText> {
  let carry = '';
  let line = 0;
  for await (const text of decodeChunks(stream)) {
    const buffer = carry + text;
    let start = 0;
    let nl = buffer.indexOf('\n', start);
    while (nl !== -1) {
      line++;
      const end = nl > start && buffer.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { line, text: buffer.slice(start, end) };
      start = nl + 1;
      nl = buffer.indexOf('\n', start);
    }
    carry = buffer.slice(start);
  }
  if (carry.length > 0) {
    line++;
    yield { line, text: carry.endsWith('\r') ? carry.slice(0, -1) : carry };
  }
}

export type ArrayPiece = { line: number; text: string } | { line: number; error: string };

/**
 * Splits a top-level JSON array into the source text of its elements without
 * parsing the whole document: a small scanner tracks depth and strings.
 */
export async function* splitJsonArray(stream: AsyncIterable<string | Uint8Array>): AsyncGenerator<ArrayPiece> {
  let state = 'before' as 'before' | 'between' | 'element' | 'after';
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let elementLine = 1;
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
            element += text.slice(segmentStart, i);
            yield { line: elementLine, text: element };
            element = '';
            state = 'after';
          } else depth--;
        } else if (c === 44 && depth === 0) {
          element += text.slice(segmentStart, i);
          yield { line: elementLine, text: element };
          element = '';
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
    if (state === 'element') element += text.slice(segmentStart);
  }
  const end = state as string;
  if (end === 'element' || end === 'between') {
    if (element.trim()) yield { line: elementLine, error: 'unterminated JSON array: the file ends inside an element' };
    else yield { line, error: 'unterminated JSON array: missing "]"' };
  }
  // a file that ends before '[' (empty, or blank) holds no records
}
