/**
 * What an .nvmrc or .node-version asks for, as an npm range at the precision written (`20` is any 20.x,
 * `20.11.1` that release), with nvm's aliases: `lts/<codename>` is that line; `lts/*` is the newest LTS line
 * known here, which can only prove an older Node wrong. `node`, `stable`, `latest`, `system`, `lts/-1` and the
 * like move with time or depend on the machine: they are not judged.
 */

/** Codename → major, from Node's release schedule. */
const LTS_LINES: Readonly<Record<string, number>> = {
  argon: 4, boron: 6, carbon: 8, dubnium: 10, erbium: 12, fermium: 14, gallium: 16, hydrogen: 18, iron: 20, jod: 22, krypton: 24,
};
const NEWEST_LTS = Math.max(...Object.values(LTS_LINES));

export type NodeWish = { kind: 'range'; range: string; written: string } | { kind: 'newest-lts'; written: string };

export function nodeVersionWish(text: string): NodeWish | undefined {
  const written = text.split(/\r?\n/).map((l) => l.replace(/#.*$/, '').trim()).find((l) => l !== '');
  if (!written) return undefined;
  const lower = written.toLowerCase();
  if (lower === 'lts/*') return { kind: 'newest-lts', written };
  const codename = /^lts\/([a-z]+)$/.exec(lower)?.[1];
  if (codename !== undefined) {
    const major = LTS_LINES[codename];
    return major === undefined ? undefined : { kind: 'range', range: String(major), written };
  }
  return /^[v\d<>=^~]/.test(lower) ? { kind: 'range', range: lower.replace(/^v(?=\d)/, ''), written } : undefined;
}

/** For `newest-lts`: false when the installed line is older than the newest known LTS, undefined past it. */
export function satisfiesNewestLts(version: string): boolean | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (!Number.isFinite(major)) return undefined;
  return major < NEWEST_LTS ? false : major === NEWEST_LTS ? true : undefined;
}

export const NEWEST_KNOWN_LTS = NEWEST_LTS;
