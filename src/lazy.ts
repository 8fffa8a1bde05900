/**
 * require() for CommonJS dependencies that are loaded on first use. tinyld
 * (~50 MB resident), natural's sentiment lexicons (~32 MB) and ml-kmeans
 * (~28 MB) are needed by some calls only; importing them at the top would
 * make every user of the package, and every CLI command, pay for all three.
 */
import { createRequire } from 'node:module';

export const requireLazily = createRequire(import.meta.url);
