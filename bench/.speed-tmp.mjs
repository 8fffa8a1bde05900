import { createTagger } from '../dist/index.js';
import { readFileSync } from 'node:fs';
const ts = readFileSync('/tmp/train.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
const tagger = createTagger();
for (let r=0;r<5;r++){
const t0=performance.now(); let n=0;
for (let k=0;k<5;k++) for (const t of ts){ tagger.tag(t); n++; }
const ms=performance.now()-t0; console.log(n/(ms/1000) | 0, 'conv/s');
}
const winkNLP = (await import('wink-nlp')).default; const model = (await import('wink-eng-lite-web-model')).default;
const nlp = winkNLP(model); 
const texts = ts.map(t=>t.turns.map(x=>x.text).join('\n'));
for (let r=0;r<3;r++){ const t0=performance.now(); let tok=0; for (let k=0;k<5;k++) for (const s of texts){ tok+=nlp.readDoc(s).tokens().length(); } const ms=performance.now()-t0; console.log('wink', (5*texts.length)/(ms/1000)|0, 'conv/s', tok/(ms/1000)|0,'tok/s');}
