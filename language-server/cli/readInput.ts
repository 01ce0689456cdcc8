/** Past this, stdin is not an error text but a mistake (a binary piped in, a whole disk log): refuse it clearly. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** All of stdin as UTF-8; rejects past MAX_INPUT_BYTES with a message saying so. */
export async function readAll(stdin: NodeJS.ReadableStream, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw new Error(`The input is over ${maxBytes / 1024 / 1024} MB; pass the part of the log around the error.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** stdin line by line (a trailing partial line included), for JSON Lines input. */
export async function* readLines(stdin: NodeJS.ReadableStream): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of stdin) {
    rest += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    let at = rest.indexOf('\n');
    while (at !== -1) {
      yield rest.slice(0, at).replace(/\r$/, '');
      rest = rest.slice(at + 1);
      at = rest.indexOf('\n');
    }
  }
  if (rest !== '') yield rest.replace(/\r$/, '');
}
