/** Reliability of confidences: equal-width bins, and the expected calibration error. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  fractionPositive: number;
}

export interface Calibration {
  bins: ReliabilityBin[];
  /** Σ (count / N) · |meanConfidence − fractionPositive| over the bins. */
  ece: number;
  samples: number;
}

export function calibration(samples: Iterable<{ confidence: number; positive: boolean }>, binCount = 10): Calibration {
  const sums = Array.from({ length: binCount }, () => ({ n: 0, conf: 0, pos: 0 }));
  let total = 0;
  for (const s of samples) {
    const b = Math.min(binCount - 1, Math.max(0, Math.floor(s.confidence * binCount)));
    sums[b]!.n++;
    sums[b]!.conf += s.confidence;
    sums[b]!.pos += s.positive ? 1 : 0;
    total++;
  }
  let ece = 0;
  const bins = sums.map((x, i) => {
    const meanConfidence = x.n ? x.conf / x.n : 0;
    const fractionPositive = x.n ? x.pos / x.n : 0;
    if (total) ece += (x.n / total) * Math.abs(meanConfidence - fractionPositive);
    return { from: i / binCount, to: (i + 1) / binCount, count: x.n, meanConfidence, fractionPositive };
  });
  return { bins, ece, samples: total };
}
