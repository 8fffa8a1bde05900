// Prints the count tables of fixtures/corpus/README.md: node scripts/corpus-stats.mjs
import { readFileSync } from 'node:fs';

const read = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const files = ['nl.train', 'nl.dev', 'en.train', 'en.dev'];
const data = Object.fromEntries(files.map((f) => [f, { t: read(`fixtures/corpus/${f}.transcripts.jsonl`), g: read(`fixtures/corpus/${f}.gold.jsonl`) }]));
const PAIRS = [...new Set(files.flatMap((f) => data[f].g.flatMap((g) => g.labels.map((l) => `${l.intent}/${l.subtype}`))))].sort();

const out = [];
out.push(`| | ${files.join(' | ')} |`, `|---|${files.map(() => '---:').join('|')}|`);
const row = (name, fn) => out.push(`| ${name} | ${files.map((f) => fn(data[f])).join(' | ')} |`);
row('conversations', (d) => d.t.length);
row('customers', (d) => new Set(d.t.map((t) => t.customerId)).size);
row('no intent', (d) => `${d.g.filter((g) => !g.labels.length).length} (${Math.round((100 * d.g.filter((g) => !g.labels.length).length) / d.g.length)}%)`);
row('2+ labels', (d) => `${d.g.filter((g) => g.labels.length >= 2).length} (${Math.round((100 * d.g.filter((g) => g.labels.length >= 2).length) / d.g.length)}%)`);
row('turns (min–max, mean)', (d) => {
  const n = d.t.map((t) => t.turns.length);
  return `${Math.min(...n)}–${Math.max(...n)}, ${(n.reduce((a, b) => a + b, 0) / n.length).toFixed(1)}`;
});
row('call notes (no customer turn)', (d) => d.t.filter((t) => !t.turns.some((x) => x.role === 'customer')).length);
row('with metadata', (d) => d.t.filter((t) => t.metadata).length);
row('assortment items', (d) => d.g.reduce((a, g) => a + g.items.length, 0));
out.push('', '### Channels', '', `| channel | ${files.join(' | ')} |`, `|---|${files.map(() => '---:').join('|')}|`);
for (const ch of [...new Set(files.flatMap((f) => data[f].t.map((t) => t.channel)))].sort()) row(ch, (d) => d.t.filter((t) => t.channel === ch).length);
out.push('', '### Customers per archetype', '', `| archetype | ${files.join(' | ')} |`, `|---|${files.map(() => '---:').join('|')}|`);
for (const a of ['gift_giver', 'enthusiast', 'bargain_hunter', 'life_planner', 'frustrated'])
  row(a, (d) => {
    const persona = new Map(d.g.map((g) => [g.id, g.persona]));
    return new Set(d.t.filter((t) => persona.get(t.id) === a).map((t) => t.customerId)).size;
  });
out.push('', '### Conversations per (intent, subtype)', '', `| pair | ${files.join(' | ')} |`, `|---|${files.map(() => '---:').join('|')}|`);
for (const p of PAIRS) row(p, (d) => d.g.filter((g) => g.labels.some((l) => `${l.intent}/${l.subtype}` === p)).length);
console.log(out.join('\n'));
