import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import type { Manifest, Stack } from '../../../language-server/model';
import { generateDockerfile } from '../../../language-server/orchestrator/deploy/dockerfile';
import type { DockerfileResult } from '../../../language-server/orchestrator/deploy/types';
import { checkDockerfile } from './dockerfileCheck';
import { type Tree, useTrees } from './helpers';

/**
 * Writes a project, generates for it, and checks what every generated Dockerfile must satisfy: it passes the
 * structural check, keeps secrets and VCS data out of the build context, and nothing was written to the project.
 */
export function useGenerator(): (tree: Tree, stack: Stack, manifests?: Manifest[]) => Promise<DockerfileResult> {
  const make = useTrees('optimus-dockerfile-');
  return async (tree, stack, manifests = []) => {
    const dir = await make(tree);
    const before = (await readdir(dir)).sort();
    const result = await generateDockerfile(dir, stack, manifests);
    assert.deepEqual((await readdir(dir)).sort(), before, 'generation wrote to the project');
    if (result.template !== null) assertSound(result);
    return result;
  };
}

export function assertSound(result: DockerfileResult): void {
  assert.deepEqual(checkDockerfile(result.dockerfile, result.port), [], `${result.template}:\n${result.dockerfile}`);
  const ignored = result.dockerignore.split('\n');
  for (const must of ['.git', '.env', '.env.*']) assert.ok(ignored.includes(must), `${must} in .dockerignore`);
}

/** The instruction lines of a Dockerfile, without comments and blank lines, for exact comparisons. */
export const linesOf = (dockerfile: string): string[] => dockerfile.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
