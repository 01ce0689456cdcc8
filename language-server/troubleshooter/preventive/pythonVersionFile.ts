/**
 * The CPython versions a .python-version (pyenv, uv, rye) names: one per line or separated by spaces, at the
 * precision written. Anything else in it (`system`, `pypy3.10`, `miniconda3-latest`, `3.12-dev`, a virtualenv
 * name) means the file cannot be judged against a plain `python3 --version`.
 */
export function pythonVersionWishes(text: string): string[] | undefined {
  const tokens = text.split(/\r?\n/).map((l) => l.replace(/#.*$/, '').trim()).filter((l) => l !== '').flatMap((l) => l.split(/\s+/));
  if (tokens.length === 0 || !tokens.every((t) => /^\d+\.\d+(?:\.\d+)?(?:(?:a|b|rc)\d+)?t?$/.test(t))) return undefined;
  return tokens.map((t) => t.replace(/(?:(?:a|b|rc)\d+)?t?$/, ''));
}

/** `3.11` matches any 3.11.x; `3.11.4` only itself. */
export function matchesPythonWish(installed: string, wish: string): boolean {
  const have = installed.split('.');
  return wish.split('.').every((part, i) => Number(part) === Number(have[i] ?? NaN));
}
