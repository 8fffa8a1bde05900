import { createTagger } from '../dist/index.js';
import { readFileSync } from 'node:fs';
const ts = readFileSync('/tmp/train.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
const tagger = createTagger();
const t0=performance.now(); let n=0;
for (let k=0;k<15;k++) for (const t of ts){ tagger.tag(t); n++; }
console.log(n/((performance.now()-t0)/1000)|0,'conv/s');
