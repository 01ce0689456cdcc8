/** Real package sources installed in node_modules (and this repository's own TypeScript) to check the engine on. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');

export const JS_ROOTS = ['node_modules/eslint/lib', 'node_modules/yaml/dist', 'node_modules/tar/dist', 'node_modules/minimatch/dist', 'node_modules/typescript-eslint/dist', 'node_modules/@typescript-eslint'];
export const TS_ROOTS = ['language-server', 'extension', 'node_modules/ajv/lib', 'node_modules/@grpc/grpc-js/src'];

const JS = /\.[cm]?js$/;
const TS = /\.[cm]?tsx?$/;
const DECLARATION = /\.d\.[cm]?ts$/;

function walk(dir: string, keep: (name: string) => boolean, into: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, keep, into);
    else if (keep(entry.name) && statSync(full).size < 1 << 20) into.push(full);
  }
}

function collect(roots: readonly string[], keep: (name: string) => boolean): string[] {
  const files: string[] = [];
  for (const root of roots) {
    const dir = path.join(REPO, root);
    if (existsSync(dir)) walk(dir, keep, files);
  }
  return files.sort();
}

export const jsFiles = (): string[] => collect(JS_ROOTS, (n) => JS.test(n));
export const tsFiles = (): string[] => collect(TS_ROOTS, (n) => TS.test(n) && !DECLARATION.test(n));
export const relative = (file: string): string => path.relative(REPO, file);
