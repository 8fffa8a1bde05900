import type { PairKey } from '../contract/taxonomy.js';
import type { AnalysedTurn } from '../text/analyse.js';
import { clauseBounds } from '../text/clauses.js';
import type { DecisiveUnit } from './dialogue.js';
import { candidates, matchAt, type CompiledLexicon, type Cue } from './lexicon/compile.js';

export interface CueHit {
  cue: Cue;
  pair: PairKey;
  turn: AnalysedTurn;
  /** Token range [from, to) of the match. */
  from: number;
  to: number;
  weight: number;
  kind: DecisiveUnit['kind'];
}

/**
 * Negation cancels the cues of wishes and reasons ("het is geen cadeau",
 * "I don't need the warranty"); obstacle cues often contain the negation
 * themselves ("niet ontvangen") and are kept.
 */
function negationCancels(pair: PairKey): boolean {
  return !pair.startsWith('obstacle/');
}

const arrivalWords = new Set([
  'aangekomen',
  'binnen',
  'binnengekomen',
  'ontvangen',
  'bezorgd',
  'geleverd',
  'gekomen',
  'arrived',
  'came',
  'received',
  'delivered',
  'got',
  'here',
]);
const wellWords = new Set([
  'keurig',
  'netjes',
  'prima',
  'snel',
  'goed',
  'mooi',
  'heel',
  'super',
  'top',
  'tijd',
  'safely',
  'safe',
  'quickly',
  'fast',
  'early',
  'today',
  'morning',
  'vandaag',
  'vanochtend',
  'gisteren',
  'yesterday',
  'perfectly',
  'fine',
  'great',
  'thanks',
  'bedankt',
  'dank',
]);
const stillWords = new Set([
  'nog',
  'still',
  'steeds',
  'nooit',
  'never',
  'niet',
  'geen',
  'not',
  "hasn't",
  "didn't",
  "haven't",
  'pas',
  'only',
  'too',
  'te',
  'laat',
  'late',
  'kapot',
  'beschadigd',
  'damaged',
  'broken',
  'wrong',
  'verkeerde',
  'verkeerd',
  'zou',
  'should',
  'supposed',
  'but',
  'maar',
]);

/**
 * "Pakket is keurig op tijd aangekomen", "the parcel came this morning,
 * thanks": a delivery mentioned as going well, in a clause without any
 * complaint word, is no obstacle.
 */
function arrivedWell(turn: AnalysedTurn, i: number): boolean {
  // the thanks often follow in the next clause ("…came this morning, thanks!")
  return perClause(arrivedWellByClause, turn, i, clauseArrivedWell);
}

/**
 * Token bounds around token i: its clause [a, b) and, up to c, the clause
 * after it, where a complaint or a thanks often follows.
 */
function clauseAndNext(turn: AnalysedTurn, i: number): [a: number, b: number, c: number] {
  const { starts, ends } = clauseBounds(turn);
  const a = starts[i]!;
  const b = ends[i + 1]!;
  return [a, b, b < turn.norm.length ? ends[b + 1]! : b];
}

/**
 * A judgement that depends on the clause alone, made once per clause: a long
 * turn without punctuation is one clause, and judging it again for every cue
 * hit in it would be quadratic.
 */
function perClause<T>(
  cache: WeakMap<AnalysedTurn, Map<number, T>>,
  turn: AnalysedTurn,
  i: number,
  judge: (turn: AnalysedTurn, a: number, b: number, c: number) => T,
): T {
  const [a, b, c] = clauseAndNext(turn, i);
  let known = cache.get(turn);
  if (!known) cache.set(turn, (known = new Map()));
  let answer = known.get(a);
  if (answer === undefined) known.set(a, (answer = judge(turn, a, b, c)));
  return answer;
}

// "can I pay with PayPal?", "kan ik achteraf betalen?": a question about ways to pay, not a payment that failed
const questionOpeners = new Set([
  'can',
  'could',
  'may',
  'do',
  'does',
  'is',
  'are',
  'which',
  'what',
  'kan',
  'kun',
  'mag',
  'kunnen',
  'accepteren',
  'accepteert',
  'welke',
  'zijn',
]);
const paymentProblem =
  /^(not|never|no|niet|geen|nooit|.*n't|cant|wont|doesnt|didnt|isnt|fail.*|error.*|declin.*|reject.*|problem.*|issue.*|twice|double.*|charged|refund.*|keeps|mislukt|lukt|fout.*|geweigerd|afgewezen|probleem.*|dubbel.*|afgeschreven|terug.*|werkt|works|working|stuck|hangt|blijft|wrong|incorrect|missing|unpaid|overdue|reminder|klopt|onjuist|verkeerd.*|ontbreekt|onbetaald|herinnering|aanmaning|incasso)$/;

// the set of ways to pay, talked about as such ("check your payment options", "welke betaalmethodes")
const waysToPay = /^(methods?|options?|modalities|betaalmethode.*|betaalmogelijkhe.*|betaalopties|betaalwijze.*|betaalvorm.*)$/;
const notKnowing = /^(know|sure|weet|zeker)$/;
const paperwork = /^(invoice.*|receipt.*|bills?|factu.*|rekening|bonnetje|kassabon)$/;

/**
 * "can I pay with PayPal?", "I'd like to see your payment options": a question
 * or a remark about the ways to pay, with no trouble word in the clause or
 * the next ("…? it keeps failing"), is no payment obstacle.
 */
function askingHowToPay(turn: AnalysedTurn, i: number): boolean {
  const clause = perClause(paymentTalkByClause, turn, i, clausePaymentTalk);
  // paperwork asked for ("can you send the invoice?") is no trouble either, unless a trouble word says so
  return !clause.trouble && (clause.aboutWays || paperwork.test(turn.norm[i]!));
}

const paymentTalkByClause = new WeakMap<AnalysedTurn, Map<number, { trouble: boolean; aboutWays: boolean }>>();

function clausePaymentTalk(turn: AnalysedTurn, a: number, b: number, c: number): { trouble: boolean; aboutWays: boolean } {
  let aboutWays = questionOpeners.has(turn.norm[a]!);
  for (let k = a; k < c; k++) {
    const w = turn.norm[k]!;
    if (k < b && waysToPay.test(w)) aboutWays = true;
    // "I don't know how to see your payment methods" asks, it does not complain
    if (paymentProblem.test(w) && !notKnowing.test(turn.norm[k + 1] ?? '')) return { trouble: true, aboutWays };
  }
  return { trouble: false, aboutWays };
}

// "subscribe to the newsletter", "aanmelden voor de nieuwsbrief": mail from the shop, not buying again
const newsletterWords = /^(newsletter.*|nieuwsbrie.*|mailing.*|e-?mails?|promo.*)$/;

function newsletterNear(turn: AnalysedTurn, i: number): boolean {
  return perClause(newsletterByClause, turn, i, clauseMentionsNewsletter);
}

function clauseMentionsNewsletter(turn: AnalysedTurn, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (newsletterWords.test(turn.norm[k]!)) return true;
  return false;
}

const newsletterByClause = new WeakMap<AnalysedTurn, Map<number, boolean>>();

// "ship to Japan", "bezorgen naar Spanje": a destination of the parcel, not of a trip
const shippingVerbs = /^(ship|deliver|send|post|dispatch|verzend|verstuur|versturen|bezorg|lever|stuur|opsturen|sturen)/;

function shippedTo(turn: AnalysedTurn, i: number): boolean {
  const { norm, boundaryBefore } = turn;
  if (norm[i] !== 'to' && norm[i] !== 'naar') return false;
  // the verb before ("ship to Japan") or, in Dutch word order, after ("naar Spanje verzenden"), in the same clause
  for (let k = i - 1; k >= Math.max(0, i - 3) && !boundaryBefore[k + 1]; k--) if (shippingVerbs.test(norm[k]!)) return true;
  for (let k = i + 1; k < Math.min(norm.length, i + 5) && !boundaryBefore[k]; k++) if (shippingVerbs.test(norm[k]!)) return true;
  return false;
}

const arrivedWellByClause = new WeakMap<AnalysedTurn, Map<number, boolean>>();

function clauseArrivedWell(turn: AnalysedTurn, a: number, b: number, c: number): boolean {
  let arrived = false;
  let well = false;
  for (let k = a; k < c; k++) {
    const w = turn.norm[k]!;
    if (k < b && stillWords.has(w)) return false;
    if (k < b && arrivalWords.has(w)) arrived = true;
    if (wellWords.has(w)) well = true;
  }
  return arrived && well;
}

/** Contexts in which a pair's cues say something else: the clause around the hit is judged, not the cue. */
const contextCancels: Partial<Record<PairKey, (turn: AnalysedTurn, i: number) => boolean>> = {
  'obstacle/delivery': arrivedWell,
  'purchase_motive/travel': shippedTo,
  'obstacle/payment': askingHowToPay,
  'upsell_signal/repeat': newsletterNear,
};

/** All cue matches in the decisive units; an accepted offer counts for up-sell cues only. */
export function matchCues(units: readonly DecisiveUnit[], lexicon: CompiledLexicon, weights?: ReadonlyMap<string, number>): CueHit[] {
  const hits: CueHit[] = [];
  const memo = candidateMemo(lexicon);
  for (const unit of units) {
    const { turn } = unit;
    const n = turn.norm.length;
    for (let i = 0; i < n; i++) {
      for (const cue of cuesAt(lexicon, memo, turn.norm[i]!)) {
        if (unit.kind === 'accepted_offer' && !cue.pair.startsWith('upsell_signal/')) continue;
        const end = matchAt(cue, turn.norm, turn.boundaryBefore, i);
        if (end === -1) continue;
        if (negationCancels(cue.pair) && unit.kind !== 'accepted_offer' && turn.negated[i]) continue;
        if (contextCancels[cue.pair]?.(turn, i)) continue;
        const weight = weights?.get(`${cue.pair}\t${cue.pattern}`) ?? cue.weight;
        if (weight <= 0) continue;
        hits.push({ cue, pair: cue.pair, turn, from: i, to: end, weight, kind: unit.kind });
      }
    }
  }
  return hits;
}

/**
 * Candidate cues per word, remembered per lexicon: words repeat, and a fresh
 * lookup probes up to five maps with new substrings. Cleared past a bound so
 * memory stays flat on endless streams.
 */
const candidateMemos = new WeakMap<CompiledLexicon, Map<string, readonly Cue[]>>();
const CANDIDATE_MEMO_LIMIT = 100_000;
const NO_CUES: readonly Cue[] = [];

function candidateMemo(lexicon: CompiledLexicon): Map<string, readonly Cue[]> {
  let memo = candidateMemos.get(lexicon);
  if (!memo) candidateMemos.set(lexicon, (memo = new Map()));
  return memo;
}

function cuesAt(lexicon: CompiledLexicon, memo: Map<string, readonly Cue[]>, word: string): readonly Cue[] {
  let list = memo.get(word);
  if (list === undefined) {
    const found: Cue[] = [];
    candidates(lexicon, word, found);
    list = found.length ? found : NO_CUES;
    if (memo.size >= CANDIDATE_MEMO_LIMIT) memo.clear();
    memo.set(word, list);
  }
  return list;
}

/** Noisy-or of the hits of one pair: many weak cues add up, one strong cue is enough. */
export function lexiconScores(hits: readonly CueHit[]): Map<PairKey, { score: number; best: CueHit }> {
  const out = new Map<PairKey, { score: number; best: CueHit; miss: number; cues: Set<Cue> }>();
  for (const h of hits) {
    const cur = out.get(h.pair);
    if (!cur) out.set(h.pair, { score: h.weight, best: h, miss: 1 - h.weight, cues: new Set([h.cue]) });
    else {
      // a cue firing twice in one conversation counts once
      if (cur.cues.has(h.cue)) continue;
      cur.cues.add(h.cue);
      cur.miss *= 1 - h.weight;
      cur.score = 1 - cur.miss;
      if (h.weight > cur.best.weight) cur.best = h;
    }
  }
  return out;
}
