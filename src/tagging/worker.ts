/**
 * A tagging worker thread of the pool (built as dist/worker.js): one tagger per
 * thread, created from the pool's options when the thread starts; every task
 * is a batch of already validated transcripts.
 */
import { Tinypool } from 'tinypool';
import type { TagResult, Transcript } from '../contract/schemas.js';
import { createTagger, type TaggerOptions } from './tagger.js';

export interface WorkerTask {
  transcripts: Transcript[];
  /** 'json': one JSON text per result (stringified here, off the main thread); 'object': the results. */
  output: 'json' | 'object';
}

const tagger = createTagger((Tinypool.workerData ?? {}) as TaggerOptions);

export default function tagBatch(task: WorkerTask): string[] | TagResult[] {
  if (task.output === 'json') return task.transcripts.map((t) => JSON.stringify(tagger.tag(t)));
  return task.transcripts.map((t) => tagger.tag(t));
}
