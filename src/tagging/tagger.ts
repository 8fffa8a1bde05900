/**
 * The tagger: one factory, `createTagger(options)`, composing the text layer,
 * the two halves (cues and the trained model) and the combiner.
 */
import { z } from 'zod';
import { TranscriptSchema, type Evidence, type TagResult, type TaggedIntent, type Transcript } from '../contract/schemas.js';
import { LANGUAGES, type Language } from '../contract/taxonomy.js';
import { ConvotagError } from '../io/errors.js';
import { builtinModel } from './builtin.js';
import type { CueHit } from './cues.js';
import { clauseEvidence, turnEvidence } from './evidence.js';
import { extractItems, type ItemAnchor } from './items.js';
import { loadModelFile, parseModel, type ModelFile } from './model.js';
import { buildLexicons, NAMED_OBJECT_CUE, prepare, type Lexicons, type Prepared } from './prepare.js';
import { Scorer, type PairScore } from './scorer.js';

export const TaggerOptionsSchema = z.object({
  /** Force a language instead of the transcript's own or the detected one. */
  language: z.enum(LANGUAGES).optional(),
  /** Drop pairs below this confidence, on top of each pair's own threshold. */
  minConfidence: z.number().min(0).max(1).default(0),
  /** A trained model: the parsed object, or a path to its JSON file. Default: the built-in model. */
  model: z.union([z.string(), z.custom<ModelFile>((v) => typeof v === 'object' && v !== null)]).optional(),
});
export type TaggerOptions = z.input<typeof TaggerOptionsSchema>;

export interface CandidateExplanation extends PairScore {
  accepted: boolean;
  cues: Array<{ pattern: string; weight: number; turn: number; text: string; kind: CueHit['kind'] }>;
}

export interface Explanation {
  id: string;
  language: Language;
  decisiveTurns: Array<{ turn: number; kind: string }>;
  candidates: CandidateExplanation[];
  result: TagResult;
}

export interface Tagger {
  readonly model: ModelFile;
  tag(transcript: Transcript): TagResult;
  tagMany(transcripts: Iterable<Transcript> | AsyncIterable<Transcript>): AsyncGenerator<TagResult>;
  explain(transcript: Transcript): Explanation;
  /** Every pair's combined confidence and threshold, tagged or not (for calibration and ranking). */
  scores(transcript: Transcript): Array<{ pair: string; confidence: number; threshold: number }>;
}

export function createTagger(options: TaggerOptions = {}): Tagger {
  const parsed = TaggerOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new ConvotagError(
      `createTagger: invalid options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const opts = parsed.data;
  const model =
    typeof opts.model === 'string' ? loadModelFile(opts.model) : opts.model ? parseModel(opts.model, 'options.model') : builtinModel();
  return new HybridTagger(model, buildLexicons(model.customCues), opts.language, opts.minConfidence);
}

class HybridTagger implements Tagger {
  private readonly scorer: Scorer;
  constructor(
    readonly model: ModelFile,
    private readonly lexicons: Lexicons,
    private readonly language: Language | undefined,
    private readonly minConfidence: number,
  ) {
    this.scorer = new Scorer(model);
  }

  tag(transcript: Transcript): TagResult {
    return this.run(transcript).result;
  }

  async *tagMany(transcripts: Iterable<Transcript> | AsyncIterable<Transcript>): AsyncGenerator<TagResult> {
    for await (const t of transcripts) yield this.tag(t);
  }

  scores(transcript: Transcript): Array<{ pair: string; confidence: number; threshold: number }> {
    return this.run(transcript).scores.map((s) => ({ pair: s.pair, confidence: s.confidence, threshold: s.threshold }));
  }

  explain(transcript: Transcript): Explanation {
    const { prepared, scores, result } = this.run(transcript);
    return {
      id: transcript.id,
      language: prepared.analysed.language,
      decisiveTurns: prepared.units.map((u) => ({ turn: u.turn.index, kind: u.kind })),
      candidates: scores
        .filter((s) => s.hits.length || s.model >= 0.05 || s.confidence >= 0.1)
        .sort((a, b) => b.confidence - a.confidence)
        .map((s) => ({
          ...s,
          accepted: result.intents.some((i) => `${i.intent}/${i.subtype}` === s.pair),
          cues: s.hits.map((h) => ({
            pattern: h.cue.pattern,
            weight: h.weight,
            turn: h.turn.index,
            text: h.turn.text.slice(h.turn.start[h.from], h.turn.end[h.to - 1]),
            kind: h.kind,
          })),
          hits: [],
        })),
      result,
    };
  }

  private run(input: Transcript): { prepared: Prepared; scores: PairScore[]; result: TagResult } {
    const transcript = isTranscript(input) ? input : TranscriptSchema.parse(input);
    const prepared = prepare(transcript, this.lexicons, this.language);
    const { pairs: scores, intents: intentScores } = this.scorer.score(prepared);
    const chosen = new Set(scores.filter((s) => s.confidence >= s.threshold && s.confidence >= this.minConfidence));
    // an intent its own model is sure of keeps its best subtype even when no subtype passed on its own
    for (const i of intentScores)
      if (
        i.best &&
        i.confidence >= i.threshold &&
        i.confidence >= this.minConfidence &&
        ![...chosen].some((s) => s.pair.startsWith(`${i.intent}/`))
      )
        chosen.add(i.best);
    // "verkopen jullie ook Miele?": a request for a name is a brand request; a product score without a cue of its own rests on the same request words
    if (prepared.hits.some((h) => h.cue === NAMED_OBJECT_CUE))
      for (const s of chosen) if (s.pair === 'assortment_request/product' && !s.hits.length) chosen.delete(s);
    const intents: TaggedIntent[] = [];
    const items: string[] = [];
    for (const s of scores) {
      if (!chosen.has(s)) continue;
      const slash = s.pair.indexOf('/');
      const intent = s.pair.slice(0, slash) as TaggedIntent['intent'];
      const { evidence, anchor } = this.evidenceFor(s, prepared);
      if (!evidence.length) continue; // nothing in the customer's words to point at: no tag
      intents.push({ intent, subtype: s.pair.slice(slash + 1), confidence: round(s.confidence), evidence });
      if (intent === 'assortment_request') {
        // the customer's request frames, the pair's own cues and other assortment cues name the item; else the model's strongest word
        const anchors: ItemAnchor[] = [
          ...s.hits,
          ...prepared.hits.filter((h) => h.pair.startsWith('assortment_request/') && h.pair !== s.pair && h.kind !== 'accepted_offer'),
        ];
        if (!anchors.length && anchor) anchors.push(anchor);
        const turns = prepared.units.filter((u) => u.kind !== 'accepted_offer').map((u) => u.turn);
        for (const item of extractItems(s.pair, anchors, prepared.analysed.language, turns)) if (!items.includes(item)) items.push(item);
      }
    }
    const result: TagResult = {
      id: transcript.id,
      ...(transcript.customerId ? { customerId: transcript.customerId } : {}),
      language: prepared.analysed.language,
      intents,
      items,
    };
    return { prepared, scores, result };
  }

  /** Evidence from the strongest cues; else from the words the model leans on most. */
  private evidenceFor(s: PairScore, prepared: Prepared): { evidence: Evidence[]; anchor?: ItemAnchor } {
    const out: Evidence[] = [];
    const seen = new Set<string>();
    const add = (e: Evidence) => {
      const key = `${e.turn}:${e.start}:${e.end}`;
      if (!seen.has(key) && e.end > e.start) {
        seen.add(key);
        out.push(e);
      }
    };
    for (const h of [...s.hits].sort((a, b) => b.weight - a.weight).slice(0, 3)) {
      if (h.kind === 'accepted_offer') {
        const answer = prepared.units.find((u) => u.kind === 'accepted_offer' && u.turn === h.turn)?.answer;
        if (answer) add(turnEvidence(answer));
      }
      add(clauseEvidence(h.turn, h.from, h.to));
    }
    if (out.length) return { evidence: out };
    const j = this.scorer.pairs.indexOf(s.pair);
    let best: { unit: Prepared['units'][number]; token: number; weight: number } | undefined;
    for (const unit of prepared.units) {
      if (unit.kind === 'accepted_offer') continue;
      const t = unit.turn;
      for (let i = 0; i < t.stems.length; i++) {
        const w =
          this.scorer.featureWeight((t.negated[i] ? '¬' : '') + t.stems[i], j) +
          (i > 0 ? this.scorer.featureWeight(`${t.stems[i - 1]} ${t.stems[i]}`, j) : 0);
        if (w > 0 && (!best || w > best.weight)) best = { unit, token: i, weight: w };
      }
    }
    if (best) {
      add(clauseEvidence(best.unit.turn, best.token, best.token + 1));
      return { evidence: out, anchor: { turn: best.unit.turn, from: best.token, to: best.token + 1, weight: 0 } };
    }
    const first = prepared.units.find((u) => u.turn.norm.length);
    if (first) add(turnEvidence(first.turn));
    return { evidence: out };
  }
}

function isTranscript(t: unknown): t is Transcript {
  return typeof t === 'object' && t !== null && typeof (t as Transcript).id === 'string' && Array.isArray((t as Transcript).turns);
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
