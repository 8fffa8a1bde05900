import type { Transcript } from '../contract/schemas.js';
import type { Language, Role } from '../contract/taxonomy.js';
import { detectLanguage } from './language.js';
import { negationScope } from './negation.js';
import { skippedRanges } from './quoted.js';
import { stem } from './stem.js';
import { tokenize, type Tokens } from './tokenize.js';

/** One turn after the text layer: tokens with offsets, stems and negation flags. */
export interface AnalysedTurn extends Tokens {
  index: number;
  role: Role;
  text: string;
  stems: string[];
  negated: Uint8Array;
}

export interface AnalysedTranscript {
  id: string;
  language: Language;
  turns: AnalysedTurn[];
}

export function analyseTurn(text: string, role: Role, index: number, language: Language): AnalysedTurn {
  const tokens = ownWords(tokenize(text), skippedRanges(text));
  const stems = new Array<string>(tokens.norm.length);
  for (let i = 0; i < tokens.norm.length; i++) stems[i] = stem(tokens.norm[i]!, language);
  return { ...tokens, index, role, text, stems, negated: negationScope(tokens, language) };
}

/** The tokens outside the skipped ranges; the first token after a quote starts a new clause. */
function ownWords(tokens: Tokens, ranges: ReadonlyArray<readonly [number, number]>): Tokens {
  if (!ranges.length) return tokens;
  const out: Tokens = { norm: [], start: [], end: [], boundaryBefore: new Uint8Array(tokens.norm.length) };
  let r = 0;
  let afterGap = false;
  for (let i = 0; i < tokens.norm.length; i++) {
    const start = tokens.start[i]!;
    while (r < ranges.length && ranges[r]![1] <= start) r++;
    if (r < ranges.length && ranges[r]![0] <= start) {
      afterGap = true;
      continue;
    }
    out.boundaryBefore[out.norm.length] = afterGap || out.norm.length === 0 ? 1 : tokens.boundaryBefore[i]!;
    out.norm.push(tokens.norm[i]!);
    out.start.push(start);
    out.end.push(tokens.end[i]!);
    afterGap = false;
  }
  out.boundaryBefore = out.boundaryBefore.slice(0, out.norm.length);
  return out;
}

/** Language of a transcript: the given one, else detected from the customer's words (all words when there are none). */
export function transcriptLanguage(transcript: Transcript): Language {
  if (transcript.language) return transcript.language;
  const customer = transcript.turns.filter((t) => t.role === 'customer');
  const source = customer.length ? customer : transcript.turns;
  return detectLanguage(source.map((t) => t.text).join('\n'));
}

export function analyseTranscript(transcript: Transcript, language?: Language): AnalysedTranscript {
  const lang = language ?? transcriptLanguage(transcript);
  return {
    id: transcript.id,
    language: lang,
    turns: transcript.turns.map((t, i) =>
      t.role === 'customer' ? analyseTurn(t.text, t.role, i, lang) : onDemand(t.text, t.role, i, lang),
    ),
  };
}

/**
 * A turn of another role, analysed when first read: the tagger reads only
 * the offers a customer accepts and call notes, so most agent, bot and
 * system text is never tokenised. To its readers it is a plain AnalysedTurn.
 */
function onDemand(text: string, role: Role, index: number, language: Language): AnalysedTurn {
  let done: AnalysedTurn | undefined;
  const get = () => (done ??= analyseTurn(text, role, index, language));
  return {
    index,
    role,
    text,
    get norm() {
      return get().norm;
    },
    get start() {
      return get().start;
    },
    get end() {
      return get().end;
    },
    get boundaryBefore() {
      return get().boundaryBefore;
    },
    get stems() {
      return get().stems;
    },
    get negated() {
      return get().negated;
    },
  };
}
