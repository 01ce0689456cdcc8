/**
 * Environment keys a Python file reads by literal name: `os.environ["X"]`, `os.environ.get("X")`,
 * `os.getenv("X")`, and the bare `environ[...]`/`getenv(...)` of a file that imports them from os. Matches
 * inside strings and comments do not count (see pythonLexer.ts).
 */
import type { EnvUse } from './envUses';
import { pythonCodeMask } from './pythonLexer';

const QUALIFIED = /\bos\s*\.\s*(?:environ\s*\[|environ\s*\.\s*get\s*\(|getenv\s*\()\s*(?=["'])/g;
const BARE = /(?<![\w.])(?:environ\s*\[|environ\s*\.\s*get\s*\(|getenv\s*\()\s*(?=["'])/g;
const LITERAL = /^(["'])([A-Za-z_][A-Za-z0-9_]*)\1/;

export function pythonEnvUses(text: string): EnvUse[] {
  const masked = pythonCodeMask(text);
  const patterns = /^\s*from\s+os\s+import\b/m.test(masked) ? [QUALIFIED, BARE] : [QUALIFIED];
  const uses: EnvUse[] = [];
  for (const pattern of patterns) {
    for (const m of masked.matchAll(pattern)) {
      const literalAt = m.index + m[0].length;
      const literal = LITERAL.exec(text.slice(literalAt, literalAt + 260));
      if (literal?.[2]) uses.push({ key: literal[2], start: m.index, end: literalAt + literal[0].length });
    }
  }
  return uses.sort((a, b) => a.start - b.start);
}
