/**
 * Which words decide. Only the customer's, with two exceptions of the
 * taxonomy: an agent's offer the customer accepts speaks for the customer
 * (for up-sell only), and a conversation without customer turns is a call
 * note whose agent and system turns report what the customer said.
 */
import type { AnalysedTranscript, AnalysedTurn } from '../text/analyse.js';

export type UnitKind = 'customer' | 'note' | 'accepted_offer';

export interface DecisiveUnit {
  turn: AnalysedTurn;
  kind: UnitKind;
  /** For an accepted offer: the customer's answer, where the evidence points. */
  answer?: AnalysedTurn;
}

const acceptNl = new Set([
  'ja',
  'jazeker',
  'jawel',
  'graag',
  'prima',
  'top',
  'oke',
  'ok',
  'okay',
  'okee',
  'goed',
  'perfect',
  'zeker',
  'absoluut',
  'lijkt',
  'doe',
  'doen',
  'lekker',
  'super',
  'yes',
  'yep',
  'ja!',
  'jaa',
  'jep',
  'gaarne',
  'waarom',
  'leuk',
  'fijn',
  'klinkt',
  'is',
  'zet',
  'voeg',
]);
const acceptEn = new Set([
  'yes',
  'yeah',
  'yep',
  'yup',
  'sure',
  'please',
  'ok',
  'okay',
  'great',
  'perfect',
  'definitely',
  'absolutely',
  'sounds',
  'go',
  'why',
  'lovely',
  'brilliant',
  'cool',
  'add',
  'do',
  'fine',
  'alright',
  'deal',
  'awesome',
  'ja',
  'graag',
  'that',
  'oh',
]);
const declineWords = new Set([
  'nee',
  'neen',
  'niet',
  'geen',
  'hoeft',
  'hoef',
  'liever',
  'nah',
  'no',
  'nope',
  'not',
  "don't",
  'dont',
  'never',
  'without',
  'pass',
  'laat',
  'zonder',
  'thanks,',
  'nvm',
]);

function offers(turn: AnalysedTurn): boolean {
  return (
    turn.text.includes('?') ||
    /\b(wil|wilt|zal|mag|kunnen|kan|would|shall|can|could|want|interested|also|ook|tip|aanrader|recommend|suggest)\b/i.test(turn.text)
  );
}

/** The customer's answer says yes in its first words and no "no" among them. */
export function accepts(answer: AnalysedTurn): boolean {
  const words = answer.norm.slice(0, 5);
  if (!words.length) return false;
  if (words.some((w) => declineWords.has(w))) return false;
  const yes = answer.norm.length && /^(ja|jaa|jep|yes|yeah|yep|sure|graag|please|ok|oke|okay)/.test(words[0]!);
  return Boolean(yes) || words.slice(0, 3).some((w) => acceptNl.has(w) || acceptEn.has(w));
}

export function decisiveUnits(transcript: AnalysedTranscript): DecisiveUnit[] {
  const turns = transcript.turns;
  const customer = turns.filter((t) => t.role === 'customer');
  if (!customer.length)
    return turns.filter((t) => t.role === 'agent' || t.role === 'system').map((turn) => ({ turn, kind: 'note' as const }));
  const units: DecisiveUnit[] = [];
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    if (turn.role !== 'customer') continue;
    const previous = i > 0 ? turns[i - 1] : undefined;
    if (previous && previous.role !== 'customer' && previous.role !== 'system' && offers(previous) && accepts(turn))
      units.push({ turn: previous, kind: 'accepted_offer', answer: turn });
    units.push({ turn, kind: 'customer' });
  }
  return units;
}
