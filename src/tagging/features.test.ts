import { describe, expect, it } from 'vitest';
import { analyseTranscript } from '../text/analyse.js';
import { decisiveUnits } from './dialogue.js';
import { featureStrings } from './features.js';

const featuresOf = (...turns: Array<['customer' | 'agent', string]>) => {
  const analysed = analyseTranscript({ id: 'f', turns: turns.map(([role, text]) => ({ role, text })) }, 'en');
  return featureStrings(decisiveUnits(analysed), 'en');
};
const lengths = (features: string[]) => features.filter((f) => f.startsWith('len:'));

describe('the length feature', () => {
  it('puts every conversation in one bucket of how much the customer wrote', () => {
    expect(lengths(featuresOf(['customer', 'where is my order? its been 2 weeks']))).toEqual(['len:10']);
    expect(lengths(featuresOf(['customer', 'word '.repeat(20)]))).toEqual(['len:25']);
    expect(lengths(featuresOf(['customer', 'word '.repeat(40)]))).toEqual(['len:60']);
    expect(lengths(featuresOf(['customer', 'word '.repeat(30)], ['customer', 'word '.repeat(40)]))).toEqual(['len:long']);
  });

  it('counts the customer, not the agent', () => {
    expect(lengths(featuresOf(['customer', 'hi, my parcel is late'], ['agent', 'word '.repeat(100)]))).toEqual(['len:10']);
  });
});
