import type { Linter } from 'eslint';
import type { EslintModules } from './eslintModules';
import { lintGlobals } from './lintGlobals';

export const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
export const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/**
 * The set used when a project has no ESLint config of its own (or may not run it): @eslint/js recommended for
 * JS, typescript-eslint's recommended (without type information: it would need a full program per file) for TS,
 * Node + browser globals, JSX on. Every rule reports as a warning: the user did not choose these rules, and red
 * squiggles are kept for code that does not parse.
 */
export function builtinConfig(m: EslintModules): Linter.Config[] {
  const globals = lintGlobals(m.resolve);
  return [
    {
      name: 'optimus/language',
      files: [...JS_FILES, ...TS_FILES],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals },
      linterOptions: { reportUnusedDisableDirectives: 'warn' },
    },
    // Only espree needs to be told; the TS parser decides JSX by extension (.tsx), and `<T>x` casts must keep working in .ts.
    { name: 'optimus/jsx', files: JS_FILES, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { name: 'optimus/commonjs', files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    { ...warnOnly(m.js.configs.recommended), name: 'optimus/eslint-recommended', files: [...JS_FILES, ...TS_FILES] },
    // Scoped to TS files: the parser and rules of typescript-eslint must not touch plain JS.
    ...m.tseslint.configs.recommended.map((c) => ({ ...warnOnly(c), files: TS_FILES })),
  ];
}

function warnOnly(config: Linter.Config): Linter.Config {
  if (!config.rules) return config;
  const rules = Object.fromEntries(Object.entries(config.rules).map(([id, entry]) => [id, downgrade(entry)]));
  return { ...config, rules };
}

function downgrade(entry: Linter.RuleEntry | undefined): Linter.RuleEntry {
  if (entry === undefined) return 'off';
  if (Array.isArray(entry)) return [isError(entry[0]) ? 'warn' : entry[0], ...entry.slice(1)] as Linter.RuleEntry;
  return isError(entry) ? 'warn' : entry;
}

const isError = (level: Linter.RuleEntry | undefined): boolean => level === 'error' || level === 2;
