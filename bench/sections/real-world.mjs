/**
 * The built-in model on public customer-service data in ../shared/datasets
 * (see its README): Bitext rows with mapped, complete labels scored for
 * precision and recall; rows with partial labels (Ericsson's topic tweets,
 * the ABCD sample) for recall only; the Twitter threads (twcs_*) run for
 * errors, tag rates and detected languages. Skipped when the folder is absent.
 */
import { DATASETS_DIR, datasetsPresent, loadDataset } from '../lib/corpus.mjs';
import { loadApi } from '../lib/dist.mjs';
import { isMain, log, runSection } from '../lib/section.mjs';
import { fmt, table } from '../lib/stats.mjs';

const TWITTER = ['twcs_head5k', 'twcs_airlines', 'twcs_ericsson'];
const PARTIAL = ['twcs_ericsson', 'abcd_sample'];

/** Tags every transcript, counting records the schema refuses and transcripts the tagger throws on. */
function tagAll(api, tagger, transcripts) {
  const results = new Map();
  let invalid = 0;
  let errors = 0;
  const firstErrors = [];
  const t0 = performance.now();
  for (const raw of transcripts) {
    const parsed = api.TranscriptSchema.safeParse(raw);
    if (!parsed.success) {
      invalid++;
      continue;
    }
    try {
      results.set(raw.id, tagger.tag(parsed.data));
    } catch (err) {
      errors++;
      if (firstErrors.length < 3) firstErrors.push(`${raw.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { results, invalid, errors, firstErrors, seconds };
}

function rates(results) {
  const n = results.size;
  const perIntent = {};
  const languages = {};
  let tagged = 0;
  let pairs = 0;
  for (const r of results.values()) {
    if (r.intents.length) tagged++;
    pairs += r.intents.length;
    for (const i of new Set(r.intents.map((x) => x.intent))) perIntent[i] = (perIntent[i] ?? 0) + 1;
    languages[r.language] = (languages[r.language] ?? 0) + 1;
  }
  for (const k of Object.keys(perIntent)) perIntent[k] /= n || 1;
  return { conversations: n, tagRate: n ? tagged / n : 0, pairsPerConversation: n ? pairs / n : 0, perIntent, languages };
}

export async function run() {
  if (!datasetsPresent()) {
    log(`real-world datasets: ${DATASETS_DIR} not found, skipped`);
    return { skipped: `${DATASETS_DIR} not found: real-world section skipped` };
  }
  const api = await loadApi();
  const tagger = api.createTagger();
  const out = { folder: DATASETS_DIR, complete: {}, partial: {}, twitter: {} };

  // Bitext: mapped rows are complete, so precision and recall both count
  const bitext = loadDataset('bitext');
  if (bitext) {
    const run = tagAll(api, tagger, bitext.transcripts);
    const gold = bitext.gold.filter((g) => g.labels !== null && g.labelsComplete === true && run.results.has(g.id));
    const tags = gold.map((g) => run.results.get(g.id));
    const e = api.evaluate(
      gold.map((g) => ({ id: g.id, labels: g.labels, items: [] })),
      tags,
    );
    const empty = gold.filter((g) => g.labels.length === 0);
    const falseAlarms = empty.filter((g) => run.results.get(g.id).intents.length > 0).length;
    const perPair = {};
    for (const [pair, p] of Object.entries(e.pair.perPair)) perPair[pair] = p;
    out.complete.bitext = {
      rows: bitext.transcripts.length,
      scored: gold.length,
      withLabels: gold.length - empty.length,
      withoutIntent: empty.length,
      pair: e.pair.micro,
      intent: e.intent.micro,
      perPair,
      falseAlarmRate: empty.length ? falseAlarms / empty.length : null,
      invalid: run.invalid,
      errors: run.errors,
      conversationsPerSecond: run.results.size / run.seconds,
      ...rates(run.results),
    };
    log(`real-world bitext: pair P ${fmt.f3(e.pair.micro.precision)} R ${fmt.f3(e.pair.micro.recall)} on ${gold.length} mapped rows`);
  }

  // partial labels: the listed pairs should be found; others are unknown
  for (const prefix of PARTIAL) {
    const d = loadDataset(prefix);
    if (!d) continue;
    const run = tagAll(api, tagger, d.transcripts);
    const gold = d.gold.filter((g) => Array.isArray(g.labels) && g.labels.length && run.results.has(g.id));
    let expected = 0;
    let found = 0;
    for (const g of gold) {
      const predicted = new Set(run.results.get(g.id).intents.map((i) => `${i.intent}/${i.subtype}`));
      for (const l of g.labels) {
        expected++;
        if (predicted.has(`${l.intent}/${l.subtype}`)) found++;
      }
    }
    out.partial[prefix] = { rows: gold.length, labels: expected, found, recall: expected ? found / expected : null };
  }

  // real customer tweets: no usable gold; robustness and how often anything is tagged
  for (const prefix of TWITTER) {
    const d = loadDataset(prefix);
    if (!d) continue;
    const run = tagAll(api, tagger, d.transcripts);
    out.twitter[prefix] = {
      rows: d.transcripts.length,
      invalid: run.invalid,
      errors: run.errors,
      firstErrors: run.firstErrors,
      conversationsPerSecond: run.results.size / run.seconds,
      ...rates(run.results),
    };
    log(`real-world ${prefix}: ${run.errors} errors, tag rate ${fmt.pct(out.twitter[prefix].tagRate)}`);
  }
  return out;
}

export function markdown(r) {
  const head = '### Real-world data (../shared/datasets)';
  if (r.error) return `${head}\n\nfailed: ${r.error.split('\n')[0]}`;
  if (r.skipped) return `${head}\n\n_${r.skipped}._`;
  const out = [head, ''];
  const b = r.complete.bitext;
  if (b) {
    out.push(
      `Bitext (semi-synthetic English utterances; ${b.scored} rows with complete mapped labels: ${b.withLabels} obstacle rows, ${b.withoutIntent} with no intent):`,
      '',
    );
    out.push(
      table(
        ['scope', 'precision', 'recall', 'F1'],
        [
          ['pairs', fmt.f3(b.pair.precision), fmt.f3(b.pair.recall), fmt.f3(b.pair.f1)],
          ['intents', fmt.f3(b.intent.precision), fmt.f3(b.intent.recall), fmt.f3(b.intent.f1)],
          ...['obstacle/payment', 'obstacle/website']
            .filter((p) => b.perPair[p])
            .map((p) => [p, fmt.f3(b.perPair[p].precision), fmt.f3(b.perPair[p].recall), fmt.f3(b.perPair[p].f1)]),
        ],
      ),
    );
    out.push('', `Rows with no intent that got a tag anyway: ${fmt.pct(b.falseAlarmRate)}.`, '');
  }
  const partial = Object.entries(r.partial);
  if (partial.length) {
    out.push(
      table(
        ['partial labels (recall only)', 'rows', 'labels found'],
        partial.map(([k, v]) => [k, v.rows, `${v.found}/${v.labels} (${fmt.pct(v.recall)})`]),
      ),
      '',
    );
  }
  const tw = Object.entries(r.twitter);
  if (tw.length) {
    out.push(
      table(
        ['real tweets', 'threads', 'invalid', 'errors', 'tagged', 'obstacle', 'motive', 'up-sell', 'assortment', 'detected nl', 'conv/s'],
        tw.map(([k, v]) => [
          k,
          fmt.int(v.rows),
          v.invalid,
          v.errors,
          fmt.pct(v.tagRate),
          fmt.pct(v.perIntent.obstacle ?? 0),
          fmt.pct(v.perIntent.purchase_motive ?? 0),
          fmt.pct(v.perIntent.upsell_signal ?? 0),
          fmt.pct(v.perIntent.assortment_request ?? 0),
          fmt.pct((v.languages.nl ?? 0) / (v.conversations || 1)),
          fmt.int(v.conversationsPerSecond),
        ]),
      ),
    );
  }
  return out.join('\n');
}

if (isMain(import.meta.url)) await runSection(run, markdown);
