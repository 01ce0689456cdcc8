/**
 * Dev servers whose default port is well known, recognised from a command's words (after wrappers such as
 * npx and cross-env are dropped). Only defaults that have held for years are listed: a wrong default would
 * accuse an innocent process. `honoursPortEnv`: the tool takes `PORT=...` from the environment.
 */

export interface DevServer {
  tool: string;
  port: number;
  honoursPortEnv: boolean;
}

interface Rule {
  tool: string;
  /** The subcommands that serve; `''` stands for none given (or only flags). */
  subcommands: readonly string[];
  port: number;
  honoursPortEnv: boolean;
}

const RULES: readonly (readonly [string, Rule])[] = [
  ['vite', { tool: 'vite', subcommands: ['', 'dev', 'serve'], port: 5173, honoursPortEnv: false }],
  ['vite', { tool: 'vite preview', subcommands: ['preview'], port: 4173, honoursPortEnv: false }],
  ['next', { tool: 'next', subcommands: ['', 'dev', 'start'], port: 3000, honoursPortEnv: true }],
  ['nuxt', { tool: 'nuxt', subcommands: ['', 'dev', 'start', 'preview'], port: 3000, honoursPortEnv: true }],
  ['nuxi', { tool: 'nuxt', subcommands: ['dev', 'preview'], port: 3000, honoursPortEnv: true }],
  ['astro', { tool: 'astro', subcommands: ['', 'dev', 'preview'], port: 4321, honoursPortEnv: false }],
  ['react-scripts', { tool: 'react-scripts', subcommands: ['start'], port: 3000, honoursPortEnv: true }],
  ['ng', { tool: 'ng serve', subcommands: ['serve'], port: 4200, honoursPortEnv: false }],
  ['remix', { tool: 'remix', subcommands: ['dev'], port: 3000, honoursPortEnv: true }],
  ['gatsby', { tool: 'gatsby', subcommands: ['develop'], port: 8000, honoursPortEnv: false }],
  ['vue-cli-service', { tool: 'vue-cli-service', subcommands: ['serve'], port: 8080, honoursPortEnv: true }],
  ['webpack', { tool: 'webpack serve', subcommands: ['serve'], port: 8080, honoursPortEnv: false }],
  ['webpack-dev-server', { tool: 'webpack-dev-server', subcommands: [''], port: 8080, honoursPortEnv: false }],
  ['docusaurus', { tool: 'docusaurus', subcommands: ['start'], port: 3000, honoursPortEnv: false }],
  ['flask', { tool: 'flask', subcommands: ['run'], port: 5000, honoursPortEnv: false }],
  ['uvicorn', { tool: 'uvicorn', subcommands: ['*'], port: 8000, honoursPortEnv: false }],
  ['manage.py', { tool: 'django runserver', subcommands: ['runserver'], port: 8000, honoursPortEnv: false }],
];

/** `words` start at the program (wrappers dropped). */
export function devServerOf(words: readonly string[]): DevServer | undefined {
  const program = programName(words[0] ?? '');
  const args = program !== 'python' ? words : words[1] === '-m' ? words.slice(2) : words.slice(1);
  const name = programName(args[0] ?? '');
  const sub = args.slice(1).find((w) => !w.startsWith('-')) ?? '';
  for (const [bin, rule] of RULES) {
    if (bin !== name) continue;
    if (rule.subcommands.includes('*') || rule.subcommands.includes(sub) || (sub !== '' && rule.subcommands.includes('') && !isKnownSubcommand(sub))) {
      return { tool: rule.tool, port: rule.port, honoursPortEnv: rule.honoursPortEnv };
    }
  }
  return undefined;
}

/** A word after `vite`/`next`/`astro` that is no subcommand is a folder (`vite src`), which still serves. */
function isKnownSubcommand(word: string): boolean {
  return /^(build|preview|start|dev|serve|optimize|export|lint|info|telemetry|generate|check|sync|add|test|analyze|typegen)$/.test(word);
}

/** `/usr/bin/python3.12` → python, `./node_modules/.bin/vite` → vite, `node.exe` → node. */
export function programName(word: string): string {
  const base = word.split(/[\\/]/).pop() ?? word;
  const bare = base.replace(/\.(exe|cmd|bat)$/i, '');
  return /^python[\d.]*$/.test(bare) ? 'python' : bare;
}
