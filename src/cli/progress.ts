/**
 * A one-line progress indicator on stderr, only when stderr is a terminal:
 * records read so far and their rate. Kept dependency-free; it redraws at
 * most ten times a second.
 */
export class Progress {
  private last = 0;
  private readonly started = Date.now();
  constructor(
    private readonly enabled: boolean,
    private readonly totalBytes = 0,
  ) {}
  tick(records: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(records / seconds) : 0;
    process.stderr.write(
      `\r\x1b[2Kconvotag: ${records} conversations, ${rate}/s${this.totalBytes ? ` (${(this.totalBytes / 1e6).toFixed(1)} MB input)` : ''}`,
    );
  }
  done(): void {
    if (this.enabled) process.stderr.write('\r\x1b[2K');
  }
}
