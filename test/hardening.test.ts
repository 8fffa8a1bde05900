/**
 * Pattern safety. Every regular expression in src/ is found by parsing the
 * sources (the TypeScript scanner, so no literal is missed the way a grep
 * can miss one), and is run on adversarial inputs built against it: long
 * runs of each character it can match, with and without a failing tail.
 * The tagger is then run on 1 MB turns shaped against its own loops.
 *
 * The bounds are generous on purpose (hundreds of times what a linear pass
 * needs on this machine): they do not measure speed, they catch catastrophic
 * backtracking and quadratic walks, which blow far past them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../src/contract/taxonomy.js';

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Regex literals, and the places that build a RegExp from a string at run time. */
function findRegexes(): { literals: FoundRegex[]; dynamic: string[] } {
  const literals: FoundRegex[] = [];
  const dynamic: string[] = [];
  for (const file of sourceFiles('src')) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${relative('.', file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText();
        const slash = text.lastIndexOf('/');
        literals.push({ where: where(n), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression.getText() === 'RegExp') dynamic.push(where(n));
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { literals, dynamic };
}

/**
 * The regexes of src/ as reviewed for this test (source and flags), each
 * with the inputs built against it by hand, as [unit, repeat, tail], where
 * the generic runs of the sweep are not enough. A regex missing from this
 * list is still swept (and a warning names it); add it here when you add one.
 */
type Extra = [unit: string, times: number, tail?: string];
const REVIEWED: Record<string, Extra[]> = {
  // text layer
  "/[\\p{L}\\p{N}\\p{M}]+(?:['’\\-.&][\\p{L}\\p{N}\\p{M}]+)*|\\p{Extended_Pictographic}(?:\\uFE0F|\\u200D\\p{Extended_Pictographic}|\\p{EMod})*/gu":
    [
      ['a-', 30_000, '-'],
      ["a'", 30_000, "'"],
      ['a.&', 20_000],
      ['👍\u200d', 20_000],
      ['\u0301', 60_000],
    ],
  '/[^\\x00-\\x7f]/': [],
  '/\\p{M}/gu': [],
  '/[.!?;:,()\\n]/': [],
  '/’/g': [],
  "/^[a-z'-]+$/": [["a'-", 20_000, '!']],
  '/(ss|us|is)$/': [['s', 60_000, 'x']],
  '/ies$/': [['ie', 30_000]],
  '/(ss|x|zz|ch|sh)es$/': [['zes', 20_000]],
  '/s$/': [],
  "/'s$/": [],
  '/(je|tje|pje)s$/': [['tje', 20_000]],
  '/(el|er|em|aar|ie|é|o|a|u|i|y)s$/': [['aar', 20_000]],
  '/[^aeiou]en$/': [['en', 30_000]],
  '/([bdfgklmnprst])\\1$/': [['tt', 30_000, 'a']],
  '/[aeiou][vz]$/': [],
  '/[aeiou]{2}[vz]$/': [['ae', 30_000, 'x']],
  '/[vz]$/': [],
  '/[^aeiou]$/': [],
  '/[aeiouy]+/g': [],
  // tagging
  '/[.!?\\n]/': [],
  '/[?!]/': [],
  '/[.!?]/': [],
  '/\\s/': [],
  '/^\\p{Lu}/u': [],
  '/^\\p{Lu}{2,}$/u': [['A', 60_000, 'a']],
  '/^\\d+$/': [],
  '/\\D/': [],
  '/^\\p{Extended_Pictographic}/u': [],
  '/^(x{1,3}s|x{1,4}l|\\d?xl|\\d?xs|one-size|petite|tall|kindermaat|kindermaten)$/': [['x', 60_000, 's']],
  '/^\\d+(?:[.,]\\d+)?(?:ml|l|cl|cm|mm|m|kg|g|gb|tb|mah|w|v|inch|")?$/': [
    ['1', 60_000, 'mmx'],
    ['1.1', 20_000, 'x'],
  ],
  '/^(ml|l|cl|liter|litre|cm|mm|m|meter|metre|kg|g|gram|gb|tb|mah|w|watt|v|inch|inches|lade|laden|persoons|person|zits|seater|pack|stuks|pieces)$/':
    [],
  '/^(alleen|only|just|enkel)$/': [],
  '/^(een|de|het|a|an|the|maat|size|kleur|colour|color)$/': [],
  '/^(without|zonder)$/': [],
  '/^\\d+(?:st|nd|rd|th|e|ste|de)?$/': [['1', 60_000, 'stx']],
  '/\\s@([01](?:\\.\\d+)?)$/': [
    ['1', 60_000, 'x'],
    [' @', 30_000],
    [' @1.1', 12_000],
  ],
  '/\\s+/': [],
  '/\\b(wil|wilt|zal|mag|kunnen|kan|would|shall|can|could|want|interested|also|ook|tip|aanrader|recommend|suggest)\\b/i': [
    ['cancan', 10_000],
  ],
  '/^(ja|jaa|jep|yes|yeah|yep|sure|graag|please|ok|oke|okay)/': [],
  '/(?:[€£$]\\s?\\d|\\d(?:[.,]\\d{2})?\\s?(?:euro|eur|pond|pounds|dollars?)\\b|\\b\\d+[.,]\\d{2}\\b)/gi': [
    ['1', 60_000, '.1'],
    ['1.11 ', 12_000],
    ['€ ', 30_000],
    ['1 eur', 12_000],
  ],
  '/[!]{2,}|\\?{2,}/': [['!?', 30_000]],
  // contract, io, cli, evaluation, profiles, personas
  '/^\\d{4}-\\d{2}-\\d{2}(?:[T ][\\d:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?$/': [['1:', 30_000, 'x']],
  '/^[a-z0-9_]+$/': [],
  '/^[\\uFEFF\\s]+/': [['\ufeff ', 30_000, 'x']],
  '/[\\uDC80-\\uDCFF]/u': [['\ud83d\udc80', 30_000]],
  '/[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]|[\\ud800-\\udfff]/gu': [['\u0000\ud800', 30_000]],
  '/\\bgold\\b/i': [],
  '/\\btags?\\b/i': [],
  '/\\s+/g': [],
  '/_/g': [],
  '/[^\\p{L}]+/u': [['1', 60_000]],
  '/^\\uFEFF/': [],
  '/^\\s*(\\d+)\\s*(?:-|\\.\\.|,)\\s*(\\d+)\\s*$/': [
    [' 1 ', 20_000, '-'],
    ['1', 60_000, '-1x'],
  ],
  // report (quotes, escaping, names before a mention) and items (request places, variants, subject lines)
  '/\\.([a-z]+)$/': [],
  '/[\\p{L}\\d]/u': [],
  "/(?:^|[^\\p{L}'])([\\p{L}']+)[^\\p{L}']*$/u": [
    ['a', 60_000, '!b'],
    ['a!', 30_000, 'b!'],
  ],
  '/[&<>"\']/g': [],
  '/[\\\\`*_[\\]|]/g': [],
  '/&/g': [],
  '/</g': [],
  '/>/g': [],
  '/\\n/g': [],
  '/^(versie|versies|version|versions|editie|edities|edition|editions|uitvoering|uitvoeringen|variant|varianten|model)$/': [],
  '/^[\\p{L}\\d]{3,}-?(versie|editie|edition|uitvoering|variant)$/u': [['a', 60_000, 'versiex']],
  '/^\\d+x\\d+(?:x\\d+)?(?:cm|mm|m)?$/': [['1', 60_000, 'x1x1x']],
  '/^</': [],
  '/^[~^]/': [],
  '/\\?$/': [],
  "/'(t|m|re|ll|ve|d)$/": [],
  '/^[.,]$/': [],
  '/^(ofzo|or|of|stock|voorraad)$/': [],
  '/^(met|zonder|with|without)$/': [],
  '/^(the|a|an|de|het|een|al|die|all|those)$/': [],
  '/^\\s*(?:subject|onderwerp|re)\\s*:\\s*([^\\n?!.]{2,40})/i': [[' ', 60_000, 'x']],
};

/** Characters the runs are built from: classes, separators, marks, emoji halves, surrogates, controls. */
const POOL = [
  ...'aeiouyzxsvlmntkbdAZ09 \t\n\r.,;:!?-\'’&()"_/@#€£$%*+=<>[]{}|\\`~^',
  'é',
  'ß',
  'İ',
  'Ⅻ',
  'ש',
  '\u0301',
  '\u200d',
  '\ufe0f',
  '\ufeff',
  '\u00a0',
  '\u2028',
  '\u0000',
  '\u001b',
  '\ud83d',
  '\udc80',
  '👍',
  '🏽',
];

/**
 * Runs in a worker thread, so a regex that backtracks for hours is ended at
 * the bound instead of hanging the suite. For each regex: long runs of every
 * pool character it matches or names, alone, with a failing tail, and
 * alternating in pairs, plus the hand-made inputs; it posts the slowest.
 */
const SWEEP_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { regexes, pool, run } = workerData;
for (const r of regexes) {
  const re = new RegExp(r.source, r.flags);
  const single = new RegExp(r.source, r.flags.replace(/[gy]/g, ''));
  const chars = pool.filter((c) => single.test(c) || r.source.includes(c));
  const inputs = [];
  for (const c of chars) inputs.push(c.repeat(run), c.repeat(run) + '\\u0000', c.repeat(run) + '!');
  const literal = chars.filter((c) => r.source.includes(c)).slice(0, 10);
  for (const a of literal) for (const b of chars.slice(0, 12)) if (a !== b) inputs.push((a + b).repeat(run / 2) + '\\u0000');
  for (const [unit, times, tail] of r.extra) inputs.push(unit.repeat(times) + (tail || ''));
  let slowest = { ms: 0, input: '' };
  for (const input of inputs) {
    const started = performance.now();
    if (!re.global) re.test(input);
    else {
      re.lastIndex = 0;
      for (let m = re.exec(input); m !== null; m = re.exec(input)) if (m[0] === '') re.lastIndex++;
    }
    const ms = performance.now() - started;
    if (ms > slowest.ms) slowest = { ms, input: JSON.stringify(input.slice(0, 12)) + '… (' + input.length + ' chars)' };
  }
  parentPort.postMessage({ key: r.key, inputs: inputs.length, ...slowest });
}
`;

/** Tags each case on the built package in a worker thread; posts the time and any evidence outside its turn. */
const TAG_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.dist).then(({ createTagger }) => {
  const tagger = createTagger();
  for (const [name, unit, times, prefix] of workerData.cases) {
    const text = ((prefix || '') + unit.repeat(times)).slice(0, workerData.size);
    const started = performance.now();
    const r = tagger.tag({ id: 'big', turns: [{ role: 'customer', text }] });
    const ms = performance.now() - started;
    const bad = r.intents.flatMap((i) => i.evidence).filter((e) => e.end > text.length || e.text !== text.slice(e.start, e.end));
    parentPort.postMessage({ key: name, ms, intents: r.intents.length, badEvidence: bad.length });
  }
});
`;

interface Step {
  key: string;
  ms: number;
}

/** Runs a worker that posts one message per step; fails naming the step when one takes longer than the bound. */
function guardedSteps<T extends Step>(code: string, workerData: unknown, keys: string[], boundMs: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData });
    const done: T[] = [];
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`"${keys[done.length]}" took longer than ${boundMs} ms: catastrophic backtracking or a quadratic walk`));
      }, boundMs);
    };
    worker.on('message', (m: T) => {
      done.push(m);
      if (done.length === keys.length) {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve(done));
      } else arm();
    });
    worker.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    arm();
  });
}

const RUN = 60_000;
const REGEX_BOUND_MS = 5_000;
const TAG_BOUND_MS = 10_000;

describe('every regular expression in src/', () => {
  const { literals, dynamic } = findRegexes();
  const key = (r: FoundRegex) => `/${r.source}/${r.flags}`;

  it('is found by the scan, and the reviewed list names each of them', () => {
    expect(literals.length).toBeGreaterThan(40);
    const found = new Set(literals.map(key));
    const unlisted = literals.filter((r) => !(key(r) in REVIEWED));
    const stale = Object.keys(REVIEWED).filter((k) => !found.has(k));
    // a new regex is still swept below; the list is the record of the hand-made adversaries
    if (unlisted.length)
      console.warn(`regexes not in REVIEWED (swept generically):\n${unlisted.map((r) => `  ${r.where} ${key(r)}`).join('\n')}`);
    if (stale.length) console.warn(`REVIEWED names regexes no longer in src/:\n  ${stale.join('\n  ')}`);
    expect(Object.keys(REVIEWED).length).toBeGreaterThan(40);
  });

  it('stays linear on adversarial runs of the characters each one repeats', async () => {
    const regexes = literals.map((r) => ({ key: `${r.where} ${key(r)}`, source: r.source, flags: r.flags, extra: REVIEWED[key(r)] ?? [] }));
    const results = await guardedSteps<Step & { inputs: number; input: string }>(
      SWEEP_WORKER,
      { regexes, pool: POOL, run: RUN },
      regexes.map((r) => r.key),
      REGEX_BOUND_MS,
    );
    expect(results.map((r) => r.key)).toEqual(regexes.map((r) => r.key));
    for (const r of results) {
      expect(r.inputs, r.key).toBeGreaterThan(0);
      expect(r.ms, `${r.key}: ${r.input}`).toBeLessThan(REGEX_BOUND_MS / 5);
    }
  });

  it('builds RegExps at run time only from the taxonomy (intent/subtype keys), which stay linear too', () => {
    // the dynamic ones (src/tagging/model.ts, src/tagging/custom.ts) are built from INTENTS; a new one needs a case here
    for (const where of dynamic) expect(where).toMatch(/^src\/tagging\/(model|custom)\.ts:/);
    const pairKey = new RegExp(`^(${INTENTS.join('|')})/[a-z0-9_]+$`);
    for (const input of [`obstacle/${'a'.repeat(RUN)}-`, 'obstacle'.repeat(RUN / 8), `obstacle/${'_'.repeat(RUN)}/`]) {
      const started = performance.now();
      pairKey.test(input);
      expect(performance.now() - started).toBeLessThan(REGEX_BOUND_MS / 5);
    }
  });
});

describe('the tagger (built package) on 1 MB turns shaped against its loops', () => {
  const cases: Array<[name: string, unit: string, times: number, prefix?: string]> = [
    ['an assortment request repeated without punctuation (en)', 'do you sell Rapha bags ', 50_000],
    ['an assortment request repeated without punctuation (nl)', 'verkopen jullie ook Statieven van Manfrotto ', 25_000],
    ['capitalised names in one endless clause', 'Do You Sell Foo Bar ', 50_000],
    ['a megabyte of line breaks after a request', '\n', 1_000_000, 'Do you sell Rapha tripods'],
    ['a megabyte of spaces after a request', ' ', 1_000_000, 'Do you sell Rapha? '],
    ['a delivery complaint repeated in one clause', 'my parcel never arrived and it came today thanks ', 21_000],
    ['variant questions repeated', 'do you have it in XL in red in 20 cm ', 28_000],
    ['one word of a megabyte', 'a', 1_000_000],
    ['one hyphenated token of a megabyte', 'a-', 500_000],
    ['emoji with skin tones and joiners', '👍🏽\u200d', 200_000],
    ['combining marks', 'e\u0301', 500_000],
    ['punctuation only', '?!.,;:', 170_000],
    ['Dutch negation runs', 'niet geen nooit ', 63_000],
    // cues whose firing is judged on their clause (ways to pay, newsletters, deliveries that went well)
    ['payment questions in one clause', 'can i pay with paypal invoice ', 34_000],
    ['newsletter subscriptions in one clause', 'subscribe to the newsletter ', 36_000],
    ['quoted reply lines and addresses', '> see jan@shop.nl www.shop.nl\n', 33_000],
    ['requests for products named by a name in one clause', 'do you sell GPS watches ', 42_000],
  ];

  it('tags every case within the bound, with evidence inside the turn', async () => {
    const dist = pathToFileURL(resolve('dist/index.js')).href;
    const results = await guardedSteps<Step & { intents: number; badEvidence: number }>(
      TAG_WORKER,
      { dist, cases, size: 1_000_000 },
      cases.map((c) => c[0]),
      TAG_BOUND_MS,
    );
    expect(results.map((r) => r.key)).toEqual(cases.map((c) => c[0]));
    for (const r of results) {
      expect(r.ms, r.key).toBeLessThan(TAG_BOUND_MS);
      expect(r.badEvidence, r.key).toBe(0);
    }
    // the request cases do tag: the runs reach the assortment code, not just the tokenizer
    expect(results[0]!.intents).toBeGreaterThan(0);
    expect(results[3]!.intents).toBeGreaterThan(0);
  });
});
