/**
 * Where the built package is: the snapshot bench/run.mjs takes of dist/ at
 * the start of a run (so a rebuild during the run cannot change what is
 * measured), or dist/ itself when a section runs alone.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './corpus.mjs';

export const DIST = process.env.CONVOTAG_BENCH_DIST ?? join(ROOT, 'dist');
export const CLI = join(DIST, 'cli.js');

export function loadApi() {
  return import(pathToFileURL(join(DIST, 'index.js')).href);
}
