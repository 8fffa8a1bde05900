/**
 * convotag against what a user would pick instead: nlp.js, natural's naive
 * Bayes and a keyword baseline, all trained on the corpus train split and
 * scored on the dev split with the library's evaluate() (see lib/peers.mjs
 * for how the single-label peers are made to answer a multi-label task).
 * Throughput: dev conversations per second, single-threaded, best of several
 * passes; convotag reads whole conversations, the peers only customer turns.
 */
import { LANGS, customerText, loadSplit, pairsOf } from '../lib/corpus.mjs';
import { loadApi } from '../lib/dist.mjs';
import { keywordBaseline, naturalBayes, nlpJs, trainPeer } from '../lib/peers.mjs';
import { isMain, log, runSection } from '../lib/section.mjs';
import { fmt, table, throughput, verdict } from '../lib/stats.mjs';

function asTagResult(id, language, pairs) {
  return {
    id,
    language,
    intents: pairs.map((p) => {
      const [intent, subtype] = p.split('/');
      return { intent, subtype, confidence: 1, evidence: [{ turn: 0, start: 0, end: 1, text: '' }] };
    }),
    items: [],
  };
}

function scores(e) {
  return { intentMicroF1: e.intent.micro.f1, intentMacroF1: e.intent.macro, pairMicroF1: e.pair.micro.f1, pairMacroF1: e.pair.macro };
}

export async function run({ quick }) {
  const api = await loadApi();
  const train = {};
  const dev = {};
  for (const lang of LANGS) {
    const s = loadSplit(lang, 'train');
    train[lang] = s.transcripts.map((t) => ({ text: customerText(t), pairs: pairsOf(s.goldById.get(t.id)) }));
    dev[lang] = loadSplit(lang, 'dev');
  }
  const devItems = LANGS.flatMap((lang) => dev[lang].transcripts.map((t) => ({ lang, t, text: customerText(t) })));
  const gold = LANGS.flatMap((lang) => dev[lang].gold);
  const systems = [];

  // convotag: the built-in model, trained on the same train split
  const tagger = api.createTagger();
  const ours = devItems.map(({ t }) => tagger.tag(t));
  const oursSpeed = await throughput(() => {
    for (const { t } of devItems) tagger.tag(t);
  }, devItems.length);
  systems.push({
    name: 'convotag',
    how: 'built-in model (cues + logistic model, trained on the train split); whole conversations',
    trainSeconds: null,
    ...scores(api.evaluate(gold, ours)),
    conversationsPerSecond: oursSpeed.best,
  });
  log(`peers: convotag pair micro F1 ${fmt.f3(systems[0].pairMicroF1)}, ${fmt.int(oursSpeed.best)} conv/s`);

  for (const peer of [nlpJs({ cache: quick }), naturalBayes(), keywordBaseline()]) {
    const t0 = performance.now();
    const model = await trainPeer(peer, train, api.INTENTS);
    const trainSeconds = (performance.now() - t0) / 1000;
    const tags = [];
    for (const { lang, t, text } of devItems) tags.push(asTagResult(t.id, lang, await model.predict(lang, text)));
    const speed = await throughput(async () => {
      for (const { lang, text } of devItems) await model.predict(lang, text);
    }, devItems.length);
    const s = {
      name: peer.name,
      how: 'one multi-class model per intent and language; customer turns',
      trainSeconds: peer.cached ? null : trainSeconds,
      ...(peer.cached ? { note: `${peer.cached} models loaded from the cache of an earlier run` } : {}),
      ...scores(api.evaluate(gold, tags)),
      conversationsPerSecond: speed.best,
    };
    systems.push(s);
    log(
      `peers: ${peer.name} pair micro F1 ${fmt.f3(s.pairMicroF1)}, ${fmt.int(s.conversationsPerSecond)} conv/s, trained in ${fmt.f1(trainSeconds)} s`,
    );
  }
  const nlp = systems.find((s) => s.name.startsWith('nlp.js'));
  const goals = {
    f1AboveNlpJs: { target: 0.1, value: systems[0].pairMicroF1 - nlp.pairMicroF1, met: systems[0].pairMicroF1 - nlp.pairMicroF1 >= 0.1 },
    speedVsNlpJs: {
      target: 3,
      value: systems[0].conversationsPerSecond / nlp.conversationsPerSecond,
      met: systems[0].conversationsPerSecond / nlp.conversationsPerSecond >= 3,
    },
  };
  return { devConversations: devItems.length, systems, goals };
}

export function markdown(r) {
  const head = '### convotag and its peers (same train split, same dev split)';
  if (r.error) return `${head}\n\nfailed: ${r.error.split('\n')[0]}`;
  const ours = r.systems[0];
  const out = [head, ''];
  out.push(
    table(
      [
        'system',
        'pair micro F1',
        'pair macro F1',
        'intent micro F1',
        'intent macro F1',
        'conv/s',
        'convotag F1 − peer',
        'convotag speed ÷ peer',
        'train s',
      ],
      r.systems.map((s) => [
        s === ours ? '**convotag**' : s.name,
        fmt.f3(s.pairMicroF1),
        fmt.f3(s.pairMacroF1),
        fmt.f3(s.intentMicroF1),
        fmt.f3(s.intentMacroF1),
        fmt.int(s.conversationsPerSecond),
        s === ours ? '' : `${ours.pairMicroF1 - s.pairMicroF1 >= 0 ? '+' : ''}${fmt.f3(ours.pairMicroF1 - s.pairMicroF1)}`,
        s === ours ? '' : fmt.x(ours.conversationsPerSecond / s.conversationsPerSecond),
        s.trainSeconds === null ? (s.note ? 'cached' : '') : fmt.f1(s.trainSeconds),
      ]),
    ),
  );
  out.push(
    '',
    `Peers: one multi-class model per intent and language (classes: the subtypes and "none"), trained on the customer turns of ${'the train split'}, asked once per intent about the customer turns of each dev conversation; convotag reads whole dev conversations (${r.devConversations}). Throughput is single-threaded, best of several passes.`,
  );
  out.push(
    '',
    `Goals: pair micro F1 ≥ nlp.js + 0.10 → ${verdict(r.goals.f1AboveNlpJs.met)} (+${fmt.f3(r.goals.f1AboveNlpJs.value)}); conversations/s ≥ 3× nlp.js → ${verdict(r.goals.speedVsNlpJs.met)} (${fmt.x(r.goals.speedVsNlpJs.value)}).`,
  );
  return out.join('\n');
}

if (isMain(import.meta.url)) await runSection(run, markdown);
