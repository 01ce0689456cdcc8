import type { DependencySummary, Finding, Manifest, Stack } from '../model';
import { createDetectContext } from './ecosystems/context';
import type { DetectContext, Detection, Detector } from './ecosystems/detector';
import { DETECTORS } from './ecosystems/registry';
import { sortedUnique } from './ecosystems/values';
import { workspaceOf } from './workspaces';
import type { WorkspaceInfo } from './workspaces';

export interface Identity {
  stack: Stack;
  dependencies: DependencySummary;
  findings: Finding[];
  workspace: WorkspaceInfo | null;
}

/**
 * What a project is built with and declares, from the manifests named in its listing (`entryNames`, read by
 * discovery). Each ecosystem present reads its own few small files, concurrently; lockfiles are left to the
 * later lockfiles.ts pass. Never throws: every problem is a finding and the rest is still identified.
 */
export async function identifyProject(dir: string, entryNames: readonly string[]): Promise<Identity> {
  const ctx = createDetectContext(dir, entryNames);
  const applicable = DETECTORS.filter((d) => d.applies(ctx.names));
  const detections = await Promise.all(applicable.map((d) => detectSafely(d, ctx)));
  const workspace = await workspaceOf(ctx).catch((error: unknown) => internalFailure(ctx, 'workspace', error));
  const manifests = detections.flatMap((d) => d.manifests ?? []);
  return {
    stack: mergeStacks(detections),
    dependencies: { count: countDependencies(manifests), manifests },
    findings: ctx.findings,
    workspace: workspace ?? null,
  };
}

/** A detector bug must cost only that ecosystem's facts, not the project. */
async function detectSafely(detector: Detector, ctx: DetectContext): Promise<Detection> {
  try {
    return await detector.detect(ctx);
  } catch (error) {
    return internalFailure(ctx, detector.id, error) ?? {};
  }
}

function internalFailure(ctx: DetectContext, what: string, error: unknown): undefined {
  const reason = error instanceof Error ? error.message : String(error);
  ctx.findings.push({ code: 'scan/identify-failed', severity: 'warning', file: ctx.dir, message: `Could not read the ${what} files of this project: ${reason}` });
  return undefined;
}

function mergeStacks(detections: readonly Detection[]): Stack {
  return {
    languages: sortedUnique(detections.flatMap((d) => d.languages ?? [])),
    frameworks: sortedUnique(detections.flatMap((d) => d.frameworks ?? [])),
    packageManagers: sortedUnique(detections.flatMap((d) => d.packageManagers ?? [])),
  };
}

/** Distinct names across manifests: requirements.txt and pyproject.toml often list the same package. */
function countDependencies(manifests: readonly Manifest[]): number {
  return new Set(manifests.flatMap((m) => m.dependencies.map((d) => d.name))).size;
}
