import type { Rng } from '../rng';
import type { FileMap, HeavyTree } from '../types';

const POOL = [
  'lodash', 'debug', 'ms', 'semver', 'chalk', 'commander', 'yargs', 'minimist', 'glob', 'minimatch', 'brace-expansion',
  'balanced-match', 'picomatch', 'micromatch', 'fast-glob', 'braces', 'fill-range', 'to-regex-range', 'is-number',
  'ansi-styles', 'supports-color', 'has-flag', 'color-convert', 'color-name', 'escape-string-regexp', 'js-tokens',
  'picocolors', 'nanoid', 'postcss', 'esbuild', 'rollup', 'source-map', 'source-map-js', 'acorn', 'tslib',
  '@babel/core', '@babel/parser', '@babel/types', '@babel/traverse', '@babel/generator', '@types/node', '@types/estree',
  'undici-types', 'cross-spawn', 'which', 'isexe', 'path-key', 'shebang-command', 'signal-exit', 'lru-cache', 'yallist',
  'mime', 'mime-types', 'mime-db', 'qs', 'side-channel', 'object-inspect', 'safe-buffer', 'inherits', 'readable-stream',
  'string_decoder', 'util-deprecate', 'once', 'wrappy', 'inflight', 'fs.realpath', 'path-is-absolute', 'rimraf',
  'graceful-fs', 'jsonfile', 'universalify', 'fs-extra', 'eslint', '@eslint/js', 'espree', 'esquery', 'estraverse',
  'esutils', 'globals', 'ignore', 'import-fresh', 'resolve-from', 'parent-module', 'callsites', 'json5', 'kleur',
  'prompts', 'sisteransi', 'ws', 'cookie', 'vary', 'depd', 'statuses', 'http-errors', 'toidentifier',
  'setprototypeof', 'iconv-lite', 'safer-buffer', 'raw-body', 'bytes', 'content-type', 'type-is', 'media-typer',
  'negotiator', 'accepts', 'on-finished', 'ee-first', 'encodeurl', 'escape-html', 'etag', 'fresh', 'range-parser',
  'send', 'serve-static', 'destroy', 'finalhandler', 'parseurl', 'unpipe', 'merge-descriptors', 'methods',
  'path-to-regexp', 'utils-merge', 'proxy-addr', 'forwarded', 'ipaddr.js', 'dotenv', 'uuid', 'date-fns',
  'reflect-metadata', 'vitest', '@vitest/expect', 'chai', 'loupe', 'pathval', 'tinyspy', 'prettier', 'undici',
];

const version = (rng: Rng): string => `${rng.int(0, 9)}.${rng.int(0, 20)}.${rng.int(0, 12)}`;

function nodePackage(rng: Rng, prefix: string, name: string, depth: number): FileMap {
  const dir = `${prefix}/${name}`;
  const v = version(rng);
  const types = name.startsWith('@types/');
  const files: FileMap = {
    [`${dir}/package.json`]: `${JSON.stringify({ name, version: v, main: types ? undefined : 'index.js', license: 'MIT' }, null, 2)}\n`,
    [`${dir}/README.md`]: `# ${name}\n`,
    [`${dir}/LICENSE`]: 'MIT License\n',
  };
  const ext = types ? 'd.ts' : 'js';
  files[`${dir}/index.${ext}`] = types ? 'export {};\n' : "module.exports = require('./lib/main.js');\n";
  const extra = rng.int(2, 13);
  for (let i = 0; i < extra; i++) files[`${dir}/${types ? '' : 'lib/'}${i === 0 ? 'main' : `part${i}`}.${ext}`] = `// ${name} ${i}\n`;
  if (depth === 0 && rng.chance(0.15)) {
    for (let i = rng.int(1, 3); i > 0; i--) Object.assign(files, nodePackage(rng, `${dir}/node_modules`, rng.pick(POOL), 1));
  }
  return files;
}

/** node_modules with the project's dependencies plus `min`..`max` transitive ones, some with nested node_modules. */
export function nodeModules(deps: string[], min = 80, max = 150, at = 'node_modules'): HeavyTree {
  return {
    ignore: 'node_modules/',
    generate(rng) {
      const count = rng.int(min, max);
      const offset = rng.int(0, POOL.length - 1);
      const names = [...new Set([...deps, ...Array.from({ length: count }, (_, i) => POOL[(offset + i) % POOL.length] as string)])];
      const files: FileMap = { [`${at}/.package-lock.json`]: '{\n  "lockfileVersion": 3\n}\n' };
      for (const name of names) Object.assign(files, nodePackage(rng, at, name, 0));
      for (const name of names.slice(0, 8)) if (!name.startsWith('@')) files[`${at}/.bin/${name}`] = '#!/usr/bin/env node\n';
      return files;
    },
  };
}

/** A build output folder (`dist`, `.next`, `out`) with hashed chunks and source maps spread over `subdirs`. */
export function buildOutput(dir: string, subdirs: string[], min = 20, max = 80, ext = 'js'): HeavyTree {
  return {
    ignore: `${dir}/`,
    generate(rng) {
      const files: FileMap = {};
      const count = rng.int(min, max);
      for (let i = 0; i < count; i++) {
        const sub = rng.pick(subdirs);
        const base = `${dir}/${sub ? `${sub}/` : ''}chunk-${rng.hex(8)}`;
        files[`${base}.${ext}`] = `/* chunk ${i} */\n`;
        if (rng.chance(0.5)) files[`${base}.${ext}.map`] = '{"version":3,"mappings":""}\n';
      }
      return files;
    },
  };
}
