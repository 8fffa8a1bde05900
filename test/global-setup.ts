import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

// CLI and dist tests run the built package; build it when vitest runs alone.
export default function setup(): void {
  if (!existsSync('dist/cli.js') || !existsSync('dist/index.cjs')) execFileSync('npx', ['tsup'], { stdio: 'inherit' });
}
