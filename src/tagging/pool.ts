/**
 * Tagging on several cores: a pool of worker threads (tinypool), each with its
 * own tagger. The caller's thread reads and validates; batches go to the
 * workers and their results come back in input order, so the output is the
 * same as the single-threaded tagger's, line for line.
 */
import { availableParallelism } from 'node:os';
import { Tinypool } from 'tinypool';
import { z } from 'zod';
import type { TagResult, Transcript } from '../contract/schemas.js';
import { ConvotagError } from '../io/errors.js';
import { loadModelFile, parseModel } from './model.js';
import { TaggerOptionsSchema, type TaggerOptions } from './tagger.js';
import type { WorkerTask } from './worker.js';

export const TaggerPoolOptionsSchema = TaggerOptionsSchema.extend({
  /** Worker threads; 'auto' = the number of cores. */
  workers: z.union([z.number().int().min(1).max(256), z.literal('auto')]).default('auto'),
  /** Transcripts per task: large enough to amortise messaging, small enough to keep memory flat. */
  batchSize: z.number().int().min(1).max(100_000).default(200),
});
export type TaggerPoolOptions = z.input<typeof TaggerPoolOptionsSchema>;

export interface TaggerPool {
  readonly workers: number;
  /** Results in input order. */
  tagMany(transcripts: Iterable<Transcript> | AsyncIterable<Transcript>): AsyncGenerator<TagResult>;
  /** Results as JSON texts, one array per batch, in input order (serialised in the workers). */
  tagJsonBatches(transcripts: Iterable<Transcript> | AsyncIterable<Transcript>): AsyncGenerator<string[]>;
  close(): Promise<void>;
}

export function createTaggerPool(options: TaggerPoolOptions = {}): TaggerPool {
  const parsed = TaggerPoolOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new ConvotagError(
      `createTaggerPool: invalid options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const { workers: requested, batchSize, model, ...rest } = parsed.data;
  const workers = requested === 'auto' ? availableParallelism() : requested;
  // the model is read and checked once here, so a bad file fails before any thread starts
  const taggerOptions: TaggerOptions = { ...rest };
  if (typeof model === 'string') taggerOptions.model = loadModelFile(model);
  else if (model) taggerOptions.model = parseModel(model, 'options.model');
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    workerData: taggerOptions,
    idleTimeout: 1000,
  });
  // a few batches per thread in flight keeps every core busy without reading ahead unboundedly
  const maxInFlight = workers * 3;

  async function* ordered<R>(transcripts: Iterable<Transcript> | AsyncIterable<Transcript>, output: WorkerTask['output']) {
    const inFlight: Array<Promise<R[]>> = [];
    const submit = (batch: Transcript[]) => {
      const task: WorkerTask = { transcripts: batch, output };
      const p = pool.run(task) as Promise<R[]>;
      p.catch(() => undefined); // awaited in order below; this only keeps a later failure from being "unhandled" meanwhile
      inFlight.push(p);
    };
    let batch: Transcript[] = [];
    let failure: unknown;
    try {
      for await (const t of transcripts) {
        batch.push(t);
        if (batch.length < batchSize) continue;
        submit(batch);
        batch = [];
        while (inFlight.length >= maxInFlight) yield await inFlight.shift()!;
      }
    } catch (err) {
      failure = err; // e.g. a bad record under --strict: what came before it is still tagged and delivered
    }
    if (batch.length) submit(batch);
    while (inFlight.length) yield await inFlight.shift()!;
    if (failure !== undefined) throw failure;
  }

  return {
    workers,
    async *tagMany(transcripts) {
      for await (const results of ordered<TagResult>(transcripts, 'object')) yield* results;
    },
    tagJsonBatches(transcripts) {
      return ordered<string>(transcripts, 'json');
    },
    async close() {
      await pool.destroy();
    },
  };
}
