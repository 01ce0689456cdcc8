import type { Stack } from '../../../language-server/model';
import type { FileMap } from '../types';
import { nodeLockfile, type Deps, type NodePm } from './lockfiles';

export const stack = (languages: string[], frameworks: string[], packageManagers: string[]): Stack => ({
  languages,
  frameworks,
  packageManagers,
});

export function readme(name: string, what: string, run: string): string {
  return `# ${name}\n\n${what}\n\n## Run\n\n\`\`\`sh\n${run}\n\`\`\`\n`;
}

export interface NodeSpec {
  pm: NodePm;
  deps: Deps;
  devDeps?: Deps;
  scripts: Record<string, string>;
  /** Extra package.json fields (engines, workspaces, main ...). */
  extra?: Record<string, unknown>;
  typescript?: boolean;
}

/** package.json, its lockfile and, for TypeScript, tsconfig.json. */
export function nodeFiles(name: string, spec: NodeSpec): FileMap {
  const devDeps = { ...(spec.typescript ? { typescript: '^5.6.3' } : {}), ...spec.devDeps };
  const pkg = {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    ...spec.extra,
    scripts: spec.scripts,
    dependencies: spec.deps,
    devDependencies: devDeps,
  };
  const [lockName, lockText] = nodeLockfile(spec.pm, name, spec.deps, devDeps);
  const files: FileMap = { 'package.json': `${JSON.stringify(pkg, null, 2)}\n`, [lockName]: lockText };
  if (spec.typescript) files['tsconfig.json'] = TSCONFIG;
  return files;
}

const TSCONFIG = `${JSON.stringify(
  { compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, outDir: 'dist' }, include: ['src'] },
  null,
  2,
)}\n`;

export const RUN: Record<NodePm, string> = { npm: 'npm install\nnpm run dev', yarn: 'yarn\nyarn dev', pnpm: 'pnpm install\npnpm dev', bun: 'bun install\nbun run dev' };
