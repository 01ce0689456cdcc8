/**
 * A sentence made into lowercase words: contractions spelled out ("what's" → "what is"), possessives dropped
 * ("shop's" → "shop"), punctuation gone but for what project names and paths hold (`-`, `_`, `.`, `/`, `~`).
 */

export const MAX_ASK_CHARS = 500;

export interface Normalized {
  /** Lowercase words in order. */
  words: string[];
  /** Text that reads like a shell command or an injection (`;`, `|`, `$(`, `-rf`, `sudo`): never acted on. */
  shellLike: boolean;
}

/** Characters and sequences no sentence to Optimus needs, and a shell or a query language would act on. */
const SHELL_CHARS = /[;|`$<>{}\\=]|&&|--|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A word that is a command-line flag (`-rf`, `-9`); a dash between words ("blog - now") is not. */
const FLAG_WORD = /(^|\s)-[\p{L}\p{N}]/u;
const SHELL_WORDS = new Set(['sudo', 'rm', 'rmdir', 'chmod', 'chown', 'curl', 'wget', 'bash', 'sh', 'zsh', 'eval', 'exec', 'mkfs', 'dd', 'powershell', 'cmd']);

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\blet's\b/g, 'let us'],
  [/\b(what|who|where|when|how|that|there|here|it|which|everything|nothing|something|anything)'s\b/g, '$1 is'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'m\b/g, ' am'],
  [/'d\b/g, ' would'],
  // What is left is a possessive: "shop's logs", "projects' status".
  [/'s\b/g, ''],
  [/s'(\s|$)/g, 's$1'],
];

export function normalize(text: string): Normalized {
  const plain = text.trim().normalize('NFKC').replace(/[\u2018\u2019\u02bc\u00b4]/g, "'");
  const shellLike = SHELL_CHARS.test(plain) || FLAG_WORD.test(plain);
  let lower = plain.toLowerCase();
  for (const [pattern, replacement] of CONTRACTIONS) lower = lower.replace(pattern, replacement);
  const words = lower
    .split(/[^\p{L}\p{N}_.\-/~+#]+/u)
    .map((w) => w.replace(/^[.\-]+|[.\-]+$/g, ''))
    .filter((w) => w !== '');
  return { words, shellLike: shellLike || words.some((w) => SHELL_WORDS.has(w)) };
}

/** "projects" → "project", "vulnerabilities" → "vulnerability": enough to look words up, not a real stemmer. */
export function singular(word: string): string {
  if (word.length <= 3 || KEEP_S.has(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (/(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const KEEP_S = new Set(['does', 'status', 'analysis', 'always', 'perhaps', 'across', 'unless', 'less', 'news', 'was', 'has', 'this', 'its', 'yes', 'logs', 'docs', 'backups', 'ops', 'devops', 'kubernetes', 'js', 'nodejs', 'nextjs', 'vuejs', 'expressjs', 'nestjs']);

/** One to twelve in words, and "a"/"an" as one ("in a year"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
