import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { composeTargets, dockerfileTargets } from './containerTargets';
import { flyTarget, netlifyTarget, procfileTarget, railwayTarget, renderTarget, vercelTarget } from './platformTargets';
import type { DeployKind, DeployTarget } from './types';
import { workflowTargets } from './workflows';

/**
 * Best first. A platform's config file says where the project is deployed; a deploy workflow says how the team
 * ships; push-to-deploy platforms have no command; Compose and Docker run or build locally, which is the least
 * of a deployment. The first target with a command is the one deployCommand.ts picks.
 */
const RANK: readonly DeployKind[] = ['fly', 'vercel', 'netlify', 'railway', 'github-actions', 'render', 'procfile', 'compose', 'dockerfile'];

/**
 * How a project deploys, from the names in its folder (the listing the scanner already has; read here when not
 * given) plus reads of the few files that say more. Malformed files give a note on their target, never a throw.
 */
export async function detectDeployTargets(projectDir: string, entryNames?: readonly string[]): Promise<DeployTarget[]> {
  const dir = path.resolve(projectDir);
  const names = new Set(entryNames ?? (await readdir(dir).catch(() => [] as string[])));
  const groups = await Promise.all([
    dockerfileTargets(dir, names, imageName(dir)),
    composeTargets(dir, names),
    names.has('fly.toml') ? flyTarget(dir) : null,
    names.has('vercel.json') || names.has('.vercel') ? vercelTarget(dir, names) : null,
    names.has('netlify.toml') ? netlifyTarget(dir) : null,
    names.has('Procfile') ? procfileTarget(dir) : null,
    names.has('render.yaml') ? renderTarget(dir, 'render.yaml') : names.has('render.yml') ? renderTarget(dir, 'render.yml') : null,
    names.has('railway.json') ? railwayTarget(dir, 'railway.json') : names.has('railway.toml') ? railwayTarget(dir, 'railway.toml') : null,
    names.has('.github') ? workflowTargets(dir) : [],
  ]);
  const targets = groups.flat().filter((t): t is DeployTarget => t !== null);
  // A stable sort keeps each kind's own order (production compose file first, manual workflows first, ...).
  return targets.sort((a, b) => RANK.indexOf(a.kind) - RANK.indexOf(b.kind));
}

/**
 * A Docker image name from the folder name. Docker allows lowercase letters and digits separated by `.`, `_`,
 * `__` or dashes; anything else between them becomes one dash, and accents are dropped rather than the letters.
 */
export function imageName(dir: string): string {
  const ascii = path.basename(dir).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  const joined = ascii.replace(/[^a-z0-9]+/g, (sep) => (/^(\.|_|__|-+)$/.test(sep) ? sep : '-'));
  return joined.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'app';
}
