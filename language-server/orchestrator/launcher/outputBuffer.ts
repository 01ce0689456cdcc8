/** The last `limit` characters a run printed, so a terminal opened later can show what came before. */
export class OutputBuffer {
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly limit = 256 * 1024) {}

  push(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    while (this.size > this.limit && this.chunks.length > 1) this.size -= (this.chunks.shift() as string).length;
    if (this.size > this.limit) {
      const only = (this.chunks[0] as string).slice(this.size - this.limit);
      this.chunks = [only];
      this.size = only.length;
    }
  }

  text(): string {
    return this.chunks.join('');
  }
}
