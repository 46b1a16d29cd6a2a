import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Where output goes: a file, or stdout for none or "-"; writes wait for drain, so memory stays flat. */
export class Sink {
  private readonly stream: NodeJS.WritableStream;
  private readonly file: WriteStream | null;
  constructor(readonly path: string | undefined) {
    this.file = path && path !== '-' ? createWriteStream(path) : null;
    this.stream = this.file ?? process.stdout;
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.file) {
      this.file.end();
      await once(this.file, 'finish');
    }
  }
}
