import { parseJsonText } from '../../scanner/ecosystems/parse';
import { asString, describe, isRecord } from './readProjectFile';
import type { TemplateContext } from './templateKit';
import { pickVersion } from './versions';

export type Pm = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface NodeFacts {
  pm: Pm;
  image: string;
  /** Instructions that bring in package.json, lockfiles and package-manager config before the install layer. */
  copyManifests: string[];
  install: string;
  installProd: string;
  /** Runs a package.json script. */
  run: (script: string) => string;
  /** Runs a binary from node_modules/.bin (for a tool the project has no script for). */
  exec: (command: string) => string;
  scripts: Record<string, string>;
  main: string | undefined;
}

const NODE_DEFAULT = '22';
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb', '.yarnrc.yml'];

export async function nodeFacts(ctx: TemplateContext): Promise<NodeFacts> {
  const pkg = await packageJson(ctx);
  const scripts = isRecord(pkg.scripts) ? Object.fromEntries(Object.entries(pkg.scripts).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')) : {};
  const version = pickVersion(isRecord(pkg.engines) ? asString(pkg.engines.node) : undefined, NODE_DEFAULT, 1);
  const pm = (['pnpm', 'yarn', 'bun'] as const).find((p) => ctx.stack.packageManagers.includes(p)) ?? 'npm';
  // Yarn 2+ ("berry") reads .yarnrc.yml and may run the release checked in under .yarn/releases.
  const berry = pm === 'yarn' && (ctx.names.has('.yarnrc.yml') || /^yarn@([2-9]|\d{2,})\./.test(asString(pkg.packageManager) ?? ''));
  const copy = `COPY ${['package.json', ...LOCKFILES.filter((f) => ctx.names.has(f))].join(' ')} ./`;
  return {
    ...commands(pm, berry, ctx.names),
    pm,
    image: pm === 'bun' ? 'oven/bun:1-slim' : `node:${version}-bookworm-slim`,
    copyManifests: berry && ctx.names.has('.yarn') ? [copy, 'COPY .yarn ./.yarn'] : [copy],
    scripts,
    main: asString(pkg.main),
  };
}

/** package.json as an object; anything else is a note and defaults. */
async function packageJson(ctx: TemplateContext): Promise<Record<string, unknown>> {
  const text = await ctx.text('package.json');
  if (text === undefined) return {};
  const parsed = parseJsonText(text);
  if (!parsed.ok) ctx.notes.push(`package.json is ${parsed.message}; defaults assumed`);
  else if (!isRecord(parsed.value)) ctx.notes.push(`package.json should hold a JSON object, but holds ${describe(parsed.value)}; defaults assumed`);
  return parsed.ok && isRecord(parsed.value) ? parsed.value : {};
}

type Commands = Pick<NodeFacts, 'install' | 'installProd' | 'run' | 'exec'>;

/** corepack ships with the Node images and provides pnpm and Yarn 2+ at the version package.json pins. */
function commands(pm: Pm, berry: boolean, names: ReadonlySet<string>): Commands {
  if (pm === 'pnpm') {
    return { install: 'corepack enable && pnpm install --frozen-lockfile', installProd: 'corepack enable && pnpm install --frozen-lockfile --prod', run: (s) => `corepack enable && pnpm run ${s}`, exec: (c) => `corepack enable && pnpm exec ${c}` };
  }
  if (pm === 'bun') return { install: 'bun install --frozen-lockfile', installProd: 'bun install --frozen-lockfile --production', run: (s) => `bun run ${s}`, exec: (c) => `bunx ${c}` };
  if (berry) {
    return { install: 'corepack enable && yarn install --immutable', installProd: 'corepack enable && yarn workspaces focus --all --production', run: (s) => `corepack enable && yarn run ${s}`, exec: (c) => `corepack enable && yarn ${c}` };
  }
  if (pm === 'yarn') return { install: 'yarn install --frozen-lockfile', installProd: 'yarn install --frozen-lockfile --production', run: (s) => `yarn run ${s}`, exec: (c) => `yarn ${c}` };
  // `npm ci` refuses to run without a lockfile.
  const locked = names.has('package-lock.json') || names.has('npm-shrinkwrap.json');
  return { install: locked ? 'npm ci' : 'npm install', installProd: locked ? 'npm ci --omit=dev' : 'npm install --omit=dev', run: (s) => `npm run ${s}`, exec: (c) => `npx ${c}` };
}
