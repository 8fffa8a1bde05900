import { describe, expect, it } from 'vitest';
import { CLEAR_CUE, FEATURES_FOR_FULL_BOUND, MODEL_LOGIT_BOUND, MODEL_LOGIT_BOUND_SHORT, modelEvidence } from './scorer.js';

describe("the model's evidence", () => {
  const sure = 1e-6;

  it('is its log-odds inside the bound', () => {
    expect(modelEvidence(0.5, 100, 0)).toBeCloseTo(0);
    expect(modelEvidence(0.8, 100, 0)).toBeCloseTo(Math.log(4));
  });

  it('is bounded tighter the fewer features a text with a clear cue has', () => {
    expect(modelEvidence(sure, 0, 0.9)).toBeCloseTo(-MODEL_LOGIT_BOUND_SHORT);
    expect(modelEvidence(1 - sure, 0, 0.9)).toBeCloseTo(MODEL_LOGIT_BOUND_SHORT);
    expect(modelEvidence(sure, FEATURES_FOR_FULL_BOUND, 0.9)).toBeCloseTo(-MODEL_LOGIT_BOUND);
    expect(modelEvidence(sure, 10 * FEATURES_FOR_FULL_BOUND, 0.9)).toBeCloseTo(-MODEL_LOGIT_BOUND);
    const steps = [0, 5, 10, 20].map((n) => modelEvidence(sure, n, 0.9));
    for (let k = 1; k < steps.length; k++) expect(steps[k]!).toBeLessThan(steps[k - 1]!);
  });

  it('keeps the full bound on a short text without a clear cue', () => {
    expect(modelEvidence(sure, 0, 0)).toBeCloseTo(-MODEL_LOGIT_BOUND);
    expect(modelEvidence(sure, 0, CLEAR_CUE - 0.1)).toBeCloseTo(-MODEL_LOGIT_BOUND);
  });
});
