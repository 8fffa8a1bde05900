/** A readable plain-text summary of a personas document (what `convotag personas` prints without --json). */
import type { PersonaDoc } from './find.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function formatPersonas(doc: PersonaDoc): string {
  const lines: string[] = [];
  const how = doc.selection.method === 'silhouette' ? `k chosen by silhouette over ${doc.selection.kRange?.join('..') ?? '?'}` : 'k fixed';
  lines.push(
    `${doc.k} persona${doc.k === 1 ? '' : 's'} from ${doc.customers} customer${doc.customers === 1 ? '' : 's'} (${how}; silhouette ${doc.selection.silhouette.toFixed(2)}; seed ${doc.seed})`,
  );
  if (doc.selection.note) lines.push(`note: ${doc.selection.note}`);
  for (const p of doc.personas) {
    lines.push('', `${p.id}  ${p.name} — ${p.size} customer${p.size === 1 ? '' : 's'} (${pct(p.share)})`, `    ${p.description}`);
    if (p.traits.length)
      lines.push(`    traits: ${p.traits.map((t) => `${t.feature} ${t.value.toFixed(2)} (×${t.lift.toFixed(1)})`).join(', ')}`);
    const mix = (label: string, xs: Array<{ subtype: string; share: number }>) =>
      xs.length ? `${label}: ${xs.map((x) => `${x.subtype} ${pct(x.share)}`).join(', ')}` : '';
    const row = [mix('motives', p.motives), mix('obstacles', p.obstacles), mix('up-sell', p.upsells)].filter(Boolean).join(' | ');
    if (row) lines.push(`    ${row}`);
    if (p.assortment.length) lines.push(`    asks for: ${p.assortment.map((a) => `${a.item} (${a.customers})`).join(', ')}`);
    for (const r of p.representatives)
      lines.push(`    e.g. ${r.customerId}${r.quote ? `: "${r.quote.text}" (${r.quote.conversationId}, ${r.quote.pair})` : ''}`);
  }
  return lines.join('\n');
}
