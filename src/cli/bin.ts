// The `convotag` executable: runs the CLI and sets the exit code.
import { exitCodeFor } from './common.js';
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = exitCodeFor(err);
  },
);
