/**
 * A package.json script split the way a shell would, closely enough to read ports from it: commands separated
 * by `&&`, `||`, `;`, `|` and `&`, each a list of words with quotes removed. Substitutions and redirections are
 * left as words; nothing here runs anything.
 */

export function commandsOf(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let quoted = false;
  const endWord = (): void => {
    if (word !== '' || quoted) words.push(word);
    word = '';
    quoted = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string;
    if (c === '"' || c === "'") {
      const close = script.indexOf(c, i + 1);
      const end = close < 0 ? script.length : close;
      word += script.slice(i + 1, end);
      quoted = true;
      i = end;
    } else if (c === '\\' && i + 1 < script.length) {
      word += script[++i];
    } else if (/\s/.test(c)) {
      endWord();
    } else if (c === ';' || c === '|' || c === '&') {
      endCommand();
      if (script[i + 1] === c) i++;
    } else {
      word += c;
    }
  }
  endCommand();
  return commands;
}

/** `PORT=3000` and the like at the head of a command. */
export function isAssignment(word: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
}
