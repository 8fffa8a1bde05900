import { readTranscripts } from '../io/readers.js';
import { createTagger } from '../tagging/tagger.js';
import { ConvotagError } from '../io/errors.js';
import { EXIT_OK, StdoutWriter, UsageError, prepareInputs, type InputFlags } from './common.js';

const pct = (x: number) => x.toFixed(3);

/** Shows, for one conversation, every candidate pair: cue hits, model score, combined confidence, threshold. */
export async function explainCommand(
  file: string,
  flags: InputFlags & { id?: string; json?: boolean; lang?: 'nl' | 'en'; model?: string },
): Promise<number> {
  if (!flags.id) throw new UsageError('explain needs --id ID');
  const tagger = createTagger({ ...(flags.lang ? { language: flags.lang } : {}), ...(flags.model ? { model: flags.model } : {}) });
  const { sources, options } = await prepareInputs([file], { ...flags, quiet: true });
  for await (const r of readTranscripts(sources, options)) {
    if (!r.ok || r.value.id !== flags.id) continue;
    const ex = tagger.explain(r.value);
    const out = StdoutWriter.get();
    if (flags.json) {
      await out.write(`${JSON.stringify(ex, null, 2)}\n`);
      return EXIT_OK;
    }
    const lines = [
      `conversation ${ex.id} (${ex.language}); deciding turns: ${ex.decisiveTurns.map((d) => `${d.turn} ${d.kind}`).join(', ') || 'none'}`,
      '',
    ];
    lines.push('| pair | tagged | confidence | threshold | model | lexicon | cue hits |', '|---|---|---:|---:|---:|---:|---|');
    for (const c of ex.candidates) {
      const cues = c.cues
        .map(
          (h) =>
            `"${h.text}" [${h.pattern} ${h.weight.toFixed(2)}, turn ${h.turn}${h.kind === 'accepted_offer' ? ', accepted offer' : ''}]`,
        )
        .join('; ');
      lines.push(
        `| ${c.pair} | ${c.accepted ? 'yes' : 'no'} | ${pct(c.confidence)} | ${pct(c.threshold)} | ${pct(c.model)} | ${pct(c.lexicon)} | ${cues} |`,
      );
    }
    lines.push('', `items: ${ex.result.items.join(', ') || '—'}`);
    await out.write(`${lines.join('\n')}\n`);
    return EXIT_OK;
  }
  throw new ConvotagError(`${file}: no conversation with id ${flags.id}`);
}
