/** A one-line progress bar on stderr, only when stderr is a terminal; it never shows report text. */
export class Progress {
  private done = 0;
  private errors = 0;
  private last = 0;
  private readonly started = Date.now();
  constructor(
    private readonly label: string,
    private total: number | null,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = Boolean(stream.isTTY),
  ) {}

  setTotal(total: number | null): void {
    this.total = total;
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.errors++;
    const now = Date.now();
    if (this.enabled && now - this.last > 100) {
      this.last = now;
      this.draw();
    }
  }

  private draw(): void {
    const secs = (Date.now() - this.started) / 1000;
    const rate = secs > 0 ? Math.round(this.done / secs) : 0;
    let bar = '';
    if (this.total) {
      const frac = Math.min(1, this.done / this.total);
      const width = 24;
      bar = `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${String(Math.round(frac * 100)).padStart(3)}% `;
    }
    const of = this.total ? `/${this.total}` : '';
    this.stream.write(`\r${this.label} ${bar}${this.done}${of} reports, ${this.errors} errors, ${rate}/s `);
  }

  finish(): { done: number; errors: number; seconds: number } {
    if (this.enabled && this.done > 0) this.stream.write('\r\x1b[K');
    return { done: this.done, errors: this.errors, seconds: (Date.now() - this.started) / 1000 };
  }
}
