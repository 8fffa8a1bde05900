import type { EvalResult, EvalScope, Prf } from './metrics.js';

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const row = (name: string, p: Prf) =>
  `| ${name} | ${pct(p.precision)} | ${pct(p.recall)} | ${pct(p.f1)} | ${p.support} | ${p.tp} | ${p.fp} | ${p.fn} |`;
const HEAD = '| label | P % | R % | F1 % | support | tp | fp | fn |\n|---|---:|---:|---:|---:|---:|---:|---:|';

function summary(name: string, s: EvalScope): string {
  return `| ${name} | ${s.conversations} | ${pct(s.intent.micro.f1)} | ${pct(s.intent.macro)} | ${pct(s.pair.micro.f1)} | ${pct(s.pair.macro)} | ${pct(s.items.recall)} | ${pct(s.exactMatch)} |`;
}

/** The evaluation as Markdown tables: readable in a terminal, pasteable into a pull request. */
export function formatEval(result: EvalResult, maxConfusions = 15): string {
  const out: string[] = [];
  out.push(
    '| scope | conversations | intent micro-F1 % | intent macro-F1 % | pair micro-F1 % | pair macro-F1 % | item recall % | exact match % |',
  );
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  out.push(summary('all', result));
  for (const [lang, s] of Object.entries(result.perLanguage)) out.push(summary(lang, s));
  out.push('', '### Intents', HEAD);
  for (const [k, p] of Object.entries(result.intent.perIntent)) out.push(row(k, p));
  out.push(row('micro', result.intent.micro));
  out.push('', '### (intent, subtype) pairs', HEAD);
  for (const [k, p] of Object.entries(result.pair.perPair)) out.push(row(k, p));
  out.push(row('micro', result.pair.micro));
  out.push(
    '',
    `Items: ${result.items.matched} of ${result.items.gold} gold items found (recall ${pct(result.items.recall).trim()} %), ${result.items.predicted} predicted.`,
  );
  if (result.confusions.length) {
    out.push('', '### Confusions (gold → predicted)', '| gold | predicted | count |', '|---|---|---:|');
    for (const c of result.confusions.slice(0, maxConfusions)) out.push(`| ${c.gold} | ${c.predicted} | ${c.count} |`);
  }
  if (result.missingTags.length)
    out.push(
      '',
      `${result.missingTags.length} gold conversation(s) had no tag line and count as untagged: ${result.missingTags.slice(0, 10).join(', ')}${result.missingTags.length > 10 ? ' …' : ''}`,
    );
  if (result.extraTags) out.push('', `${result.extraTags} tag line(s) had no gold line and were ignored.`);
  return out.join('\n');
}
