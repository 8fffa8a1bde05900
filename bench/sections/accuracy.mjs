/**
 * Accuracy of the built-in model on the held-out dev split, per language:
 * intent and pair F1 (micro and macro), a per-pair table and item recall
 * from the library's evaluate(), and calibration of the confidences.
 */
import { LANGS, loadSplit } from '../lib/corpus.mjs';
import { loadApi } from '../lib/dist.mjs';
import { isMain, log, runSection } from '../lib/section.mjs';
import { calibration, fmt, table } from '../lib/stats.mjs';

function summary(e) {
  const prf = (x) => ({ precision: x.precision, recall: x.recall, f1: x.f1, support: x.support });
  return {
    conversations: e.conversations,
    intent: { micro: prf(e.intent.micro), macro: e.intent.macro },
    pair: { micro: prf(e.pair.micro), macro: e.pair.macro },
    items: e.items,
    exactMatch: e.exactMatch,
  };
}

export async function run() {
  const api = await loadApi();
  const tagger = api.createTagger();
  const languages = {};
  const perPair = {};
  const allGold = [];
  const allTags = [];
  const tagPoints = { all: [] };
  const candidatePoints = { all: [] };
  for (const lang of LANGS) {
    const dev = loadSplit(lang, 'dev');
    const tags = dev.transcripts.map((t) => tagger.tag(t));
    const e = api.evaluate(dev.gold, tags);
    languages[lang] = summary(e);
    for (const [pair, p] of Object.entries(e.pair.perPair)) (perPair[pair] ??= {})[lang] = p;
    allGold.push(...dev.gold);
    allTags.push(...tags);
    // calibration of what the user sees (emitted tags) and of every candidate explain() lists, below threshold too
    tagPoints[lang] = [];
    candidatePoints[lang] = [];
    for (const t of dev.transcripts) {
      const gold = new Set(dev.goldById.get(t.id).labels.map((l) => `${l.intent}/${l.subtype}`));
      const ex = tagger.explain(t);
      for (const i of ex.result.intents) tagPoints[lang].push({ confidence: i.confidence, correct: gold.has(`${i.intent}/${i.subtype}`) });
      for (const c of ex.candidates) candidatePoints[lang].push({ confidence: c.confidence, correct: gold.has(c.pair) });
    }
    tagPoints.all.push(...tagPoints[lang]);
    candidatePoints.all.push(...candidatePoints[lang]);
    log(`accuracy ${lang}: pair micro F1 ${fmt.f3(e.pair.micro.f1)} on ${dev.transcripts.length} dev conversations`);
  }
  languages.all = summary(api.evaluate(allGold, allTags));
  const calib = {};
  for (const k of ['all', ...LANGS]) calib[k] = { tags: calibration(tagPoints[k]), candidates: calibration(candidatePoints[k]) };
  return { split: 'dev', languages, perPair, calibration: calib };
}

export function markdown(r) {
  if (r.error) return `### Accuracy on the dev split\n\nfailed: ${r.error.split('\n')[0]}`;
  const scopes = [...LANGS, 'all'];
  const out = ['### Accuracy on the dev split (built-in model)', ''];
  out.push(
    table(
      ['', ...scopes.map((s) => `${s} (${r.languages[s].conversations})`)],
      [
        ['intent micro F1', ...scopes.map((s) => fmt.f3(r.languages[s].intent.micro.f1))],
        ['intent macro F1', ...scopes.map((s) => fmt.f3(r.languages[s].intent.macro))],
        ['pair micro F1', ...scopes.map((s) => fmt.f3(r.languages[s].pair.micro.f1))],
        [
          'pair micro precision / recall',
          ...scopes.map((s) => `${fmt.f3(r.languages[s].pair.micro.precision)} / ${fmt.f3(r.languages[s].pair.micro.recall)}`),
        ],
        ['pair macro F1', ...scopes.map((s) => fmt.f3(r.languages[s].pair.macro))],
        [
          'item recall',
          ...scopes.map((s) => `${fmt.f3(r.languages[s].items.recall)} (${r.languages[s].items.matched}/${r.languages[s].items.gold})`),
        ],
        ['exact match', ...scopes.map((s) => fmt.f3(r.languages[s].exactMatch))],
        ['ECE of tag confidences', ...scopes.map((s) => fmt.f3(r.calibration[s === 'all' ? 'all' : s].tags.ece))],
        ['ECE of all candidates', ...scopes.map((s) => fmt.f3(r.calibration[s === 'all' ? 'all' : s].candidates.ece))],
      ],
    ),
  );
  out.push('', '<details><summary>Per pair (dev): support, precision, recall, F1</summary>', '');
  const pairs = Object.keys(r.perPair).sort();
  const cell = (p) => (p ? `${p.support} · ${fmt.f2(p.precision)} · ${fmt.f2(p.recall)} · **${fmt.f2(p.f1)}**` : '–');
  out.push(
    table(
      ['pair', ...LANGS.map((l) => `${l}: n · P · R · F1`)],
      pairs.map((p) => [p, ...LANGS.map((l) => cell(r.perPair[p][l]))]),
    ),
  );
  out.push('', '</details>', '');
  const rel = r.calibration.all.tags;
  out.push(`Reliability of emitted tag confidences (both languages, ${rel.n} tags; ECE ${fmt.f3(rel.ece)}):`, '');
  out.push(
    table(
      ['confidence bin', 'tags', 'mean confidence', 'share correct'],
      rel.bins.map((b) => [`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, b.n, fmt.f3(b.confidence), fmt.f3(b.accuracy)]),
    ),
  );
  return out.join('\n');
}

if (isMain(import.meta.url)) await runSection(run, markdown);
