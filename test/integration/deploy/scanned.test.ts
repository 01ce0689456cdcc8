import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { detectDeployTargets } from '../../../language-server/orchestrator/deploy/detect';
import { chooseDeployCommand } from '../../../language-server/orchestrator/deploy/deployCommand';
import { generateDockerfile } from '../../../language-server/orchestrator/deploy/dockerfile';
import { scanProject } from '../../../language-server/scanner/scan';
import { assertSound, linesOf } from '../../unit/deploy/generate';
import { contextSources } from '../../unit/deploy/dockerfileCheck';
import { writeTree } from '../helpers/files';
import { useTempDir } from '../helpers/tempDir';
import { SAMPLES } from './scannedProjects';

/** Whether a .dockerignore line excludes `source` (or the folder it is in): `*` within a segment, as Docker does. */
function ignoredBy(dockerignore: string, source: string): string | undefined {
  const first = source.replace(/^\.\//, '').split('/')[0] ?? source;
  return dockerignore.split('\n').filter(Boolean).find((pattern) => {
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    return re.test(source) || re.test(first);
  });
}

describe('deploy: real projects, identified by the scanner', () => {
  const tempDir = useTempDir('deploy-scanned');

  for (const [name, sample] of Object.entries(SAMPLES)) {
    it(`${name}: ${sample.template ?? 'no template'}${sample.deploy ? `, deploys with \`${sample.deploy}\`` : ''}`, async () => {
      const dir = path.join(tempDir(), name);
      await writeTree(dir, sample.files);
      const before = (await readdir(dir)).sort();
      const [project] = (await scanProject(dir, tempDir(), null)) ?? [];
      assert.ok(project, 'the scanner reads the project');
      const result = await generateDockerfile(dir, project.stack, project.dependencies.manifests);
      assert.equal(result.template, sample.template, `stack ${JSON.stringify(project.stack)}; notes ${result.notes.join(' | ')}`);
      assert.deepEqual((await readdir(dir)).sort(), before, 'nothing written to the project');
      if (result.template !== null) {
        assertSound(result);
        assert.equal(result.port, sample.port);
        for (const line of sample.lines ?? []) assert.ok(linesOf(result.dockerfile).includes(line), `missing "${line}" in\n${result.dockerfile}`);
        for (const source of contextSources(result.dockerfile).filter((s) => s !== '.')) {
          assert.ok(existsSync(path.join(dir, source)), `COPY ${source}: not in the project`);
          assert.equal(ignoredBy(result.dockerignore, source), undefined, `COPY ${source}: excluded by .dockerignore`);
        }
        assert.equal(ignoredBy(result.dockerignore, '.env'), '.env', 'secrets stay out of the build context');
      } else {
        assert.match(result.notes[0] ?? '', /No Dockerfile template fits elixir/);
      }
      const choice = chooseDeployCommand(await detectDeployTargets(dir, before));
      assert.equal(choice.command ?? undefined, sample.deploy);
    });
  }
});
