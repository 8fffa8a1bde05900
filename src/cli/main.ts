/**
 * The convotag command line: a thin composition of one file per command.
 * Exit codes: 0 done (bad records, if any, reported on stderr and counted);
 * 1 a fatal error, or the first bad record under --strict; 2 usage.
 */
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { EXIT_USAGE, exitCodeFor } from './common.js';
import { evalCommand } from './eval.js';
import { explainCommand } from './explain.js';
import { personasCommand } from './personas.js';
import { reportCommand } from './report.js';
import { tagCommand } from './tag.js';
import { trainCommand } from './train.js';
import { validateCommand } from './validate.js';

function inputOptions(cmd: Command): Command {
  return cmd
    .option('--strict', 'stop at the first bad record (exit code 1)')
    .addOption(
      new Option('--input-format <format>', 'input format; default from the extension, stdin sniffed').choices(['jsonl', 'json', 'csv']),
    )
    .option('--csv-columns <map>', 'CSV header names, e.g. id=ticket_id,text=body,role=author_type')
    .option('-q, --quiet', 'no read summary on stderr');
}

export function buildProgram(run: (code: Promise<number>) => void): Command {
  const program = new Command('convotag')
    .description(
      'Tag web-shop support conversations (nl/en) with purchase motives, obstacles, up-sell signals and assortment requests; find personas.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run convotag --help for usage)')
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .exitOverride();

  inputOptions(
    program
      .command('validate')
      .description(
        'check transcript, gold or tag files against the data contract; problems with file:line go to stdout; exit 1 when any record is bad',
      )
      .argument('[files...]', 'files to check (- or none for stdin)')
      .addOption(
        new Option('--kind <kind>', 'record kind; default from the file name (*gold* → gold, *tags* → tags)').choices([
          'transcripts',
          'gold',
          'tags',
        ]),
      )
      .option('--json', 'problems as JSON Lines'),
  ).action((files: string[], opts) => run(validateCommand(files, opts)));

  inputOptions(
    program
      .command('eval')
      .description(
        'score tags against gold labels: per intent and per (intent, subtype) P/R/F1, micro and macro, per language, items, exact match',
      )
      .argument('<tags...>', 'tag files (JSONL from convotag tag)')
      .requiredOption('--gold <file>', 'gold labels (JSONL)')
      .option('--json', 'print the full result as JSON')
      .option('--cv <k>', 'cross-validate training instead: the files are transcripts; K folds grouped by customer')
      .option('--seed <n>', 'seed of the folds (with --cv)')
      .option('--lexicon <file>', 'extra cues for training (with --cv)'),
  ).action((files: string[], opts) => run(evalCommand(files, opts)));

  inputOptions(
    program
      .command('tag')
      .description('tag transcripts: one JSON line per input transcript, in input order')
      .argument('[files...]', 'transcript files (- or none for stdin)')
      .option('--min-confidence <x>', 'drop pairs below this confidence (on top of the per-pair thresholds)')
      .addOption(new Option('--lang <lang>', 'force the language instead of detecting it').choices(['nl', 'en']))
      .addOption(new Option('--format <format>', 'output: JSON Lines or one JSON array').choices(['jsonl', 'json']).default('jsonl'))
      .option('--model <file>', 'a model trained with convotag train (default: the built-in model)')
      .option('--no-progress', 'no progress line on stderr')
      .option('--workers <n>', 'tag on N worker threads ("auto": one per core); output order and content unchanged'),
  ).action((files: string[], opts) => run(tagCommand(files, opts)));

  inputOptions(
    program
      .command('explain')
      .description('show for one conversation each candidate pair: cue hits, model score, combined confidence and threshold')
      .argument('<file>', 'transcript file')
      .requiredOption('--id <id>', 'conversation id')
      .addOption(new Option('--lang <lang>', 'force the language').choices(['nl', 'en']))
      .option('--model <file>', 'a model trained with convotag train')
      .option('--json', 'the explanation as JSON'),
  ).action((file: string, opts) => run(explainCommand(file, opts)));

  inputOptions(
    program
      .command('train')
      .description('train a model on your own labelled conversations (custom subtypes allowed) and write it as JSON')
      .argument('<transcripts...>', 'transcript files the gold labels belong to')
      .requiredOption('--gold <file>', 'gold labels (JSONL); subtypes may be your own, the four intents are fixed')
      .requiredOption('--out <file>', 'where to write the model (JSON)')
      .addOption(new Option('--base <base>', 'also train on the built-in corpus').choices(['builtin', 'none']).default('builtin'))
      .option('--lexicon <file>', 'extra cues per language and pair (JSON: {"cues": {"nl": {"obstacle/customs_fees": ["invoerrechten"]}}})')
      .option('--folds <k>', 'folds for the combiner and thresholds (default 5; 3 from 5,000 examples on)')
      .option('--seed <n>', 'seed of the folds (default 42)'),
  ).action((files: string[], opts) => run(trainCommand(files, opts)));

  inputOptions(
    program
      .command('personas')
      .description(
        'profile customers by what they do across their conversations and cluster them into personas (or, with --model, assign them to saved ones)',
      )
      .argument('[files...]', 'transcript files (- or none for stdin)')
      .option('--tags <file>', 'tags from convotag tag (JSONL); conversations without a line are tagged on the fly')
      .option('--k <k>', 'number of personas, or auto to choose it by silhouette (default auto)')
      .option('--k-range <lo-hi>', 'k tried by --k auto (default 2-8)')
      .option('--seed <n>', 'seed of the clustering (default 42)')
      .addOption(new Option('--lang <lang>', 'language of persona names and of on-the-fly tagging').choices(['nl', 'en']))
      .addOption(
        new Option('--anonymous <mode>', 'conversations without customerId: own customer (conv:<id>) or skip').choices(['own', 'skip']),
      )
      .option('--json', 'print the personas document (FORMAT.md) as JSON')
      .option('--save <file>', 'save the persona model (JSON) to assign new customers later')
      .option('--model <file>', 'assign customers to the personas of a saved model instead of clustering'),
  ).action((files: string[], opts) => run(personasCommand(files, opts)));

  inputOptions(
    program
      .command('report')
      .description(
        'the shop report: overview, trends, obstacles, assortment gaps, up-sell chances, motives and personas as one self-contained HTML page (or Markdown tables, or the numbers as JSON)',
      )
      .argument('[files...]', 'transcript files (- or none for stdin)')
      .option('--out <file>', 'write the report to this file (default: stdout)')
      .addOption(
        new Option(
          '--format <format>',
          "html page, Markdown tables or the numbers as JSON (default from --out's extension, else html)",
        ).choices(['html', 'md', 'json']),
      )
      .addOption(
        new Option('--lang <lang>', 'language of the labels and persona names (default: the language most conversations are in)').choices([
          'nl',
          'en',
        ]),
      )
      .option('--title <text>', 'title of the report')
      .option('--tags <file>', 'tags from convotag tag (JSONL); conversations without a line are tagged on the fly')
      .option('--min-confidence <x>', 'leave out pairs below this confidence')
      .option('--k <k>', 'number of personas, or auto to choose it by silhouette (default auto)')
      .option('--k-range <lo-hi>', 'k tried by --k auto (default 2-8)')
      .option('--seed <n>', 'seed of the clustering (default 42)'),
  ).action((files: string[], opts) => run(reportCommand(files, opts)));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let pending: Promise<number> | undefined;
  const program = buildProgram((p) => {
    pending = p;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return pending ? await pending : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    return exitCodeFor(err);
  }
}
