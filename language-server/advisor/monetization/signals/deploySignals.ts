import path from 'node:path';
import type { Project } from '../../../model';
import { detectDeployTargets } from '../../../orchestrator/deploy/detect';
import { ABSENT, present } from '../signalIds';
import type { SignalState } from '../signalIds';

/**
 * `deployed`: the deploy assistant finds a platform config (Fly, Vercel, Netlify, Railway, Render, a Procfile) or
 * a deploy workflow. A Dockerfile or Compose file alone runs it somewhere, not necessarily anywhere public, so it
 * counts as `self-hostable` (fileSignals.ts) rather than deployed. Whether the deployment is live is not checked.
 */
export async function deployedSignal(project: Project): Promise<SignalState> {
  const targets = await detectDeployTargets(project.path).catch(() => []);
  const target = targets.find((t) => t.kind !== 'dockerfile' && t.kind !== 'compose');
  if (!target) return ABSENT;
  return present(`${path.relative(project.path, target.file) || path.basename(target.file)}: ${target.label} (deploy config present; whether it is live was not checked)`);
}
