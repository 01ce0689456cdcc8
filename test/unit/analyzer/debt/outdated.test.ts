import assert from 'node:assert/strict';
import path from 'node:path';
import { dependencyFindings } from '../../../../language-server/analyzer/debt/dependencyChecks';
import { latestNpmVersions } from '../../../../language-server/analyzer/dependencies/npmLatest';
import { npmPackageNames } from '../../../../language-server/analyzer/dependencies/npmPackageName';
import type { Manifest } from '../../../../language-server/model';
import { project } from '../../helpers/project';
import { useTempDir, writeFiles } from '../dependencies/helpers';
import type { RegistryStub } from '../dependencies/registryStub';
import { recordedResponses, replay, startRegistry } from '../dependencies/registryStub';

describe('debt/outdated-dependency with versions from a (loopback, recorded) npm registry', () => {
  const tmp = useTempDir('outdated');
  let registry: RegistryStub;

  beforeEach(async () => {
    registry = await startRegistry(replay(await recordedResponses()));
  });
  afterEach(async () => {
    await registry.close();
  });

  it('flags a dependency a major version behind `latest` and not one that is current', async () => {
    const packageJson = { name: 'app', version: '1.0.0', dependencies: { lodash: '^3.10.1', 'left-pad': '^1.3.0' }, devDependencies: { '@types/node': '^26.0.0' } };
    await writeFiles(tmp(), { 'package.json': packageJson, 'package-lock.json': '{}' });
    const manifest: Manifest = {
      path: path.join(tmp(), 'package.json'),
      kind: 'package.json',
      lockfile: path.join(tmp(), 'package-lock.json'),
      dependencies: [
        { name: 'lodash', range: '^3.10.1', kind: 'runtime', locked: '3.10.1' },
        { name: 'left-pad', range: '^1.3.0', kind: 'runtime', locked: '1.3.0' },
        { name: '@types/node', range: '^26.0.0', kind: 'dev', locked: '26.6.6' },
      ],
    };
    const app = project(tmp(), { dependencies: { count: 3, manifests: [manifest] } });

    const latest = await latestNpmVersions(npmPackageNames(app), { registry: registry.url, cacheFile: path.join(tmp(), 'cache', 'npm-latest.json') });
    const { findings, notes } = await dependencyFindings(app, { latestVersions: latest.versions });

    assert.deepEqual([...latest.notes, ...notes], []);
    const outdated = findings.filter((f) => f.ruleId === 'debt/outdated-dependency');
    assert.deepEqual(outdated.map((f) => [f.data?.dependency, f.data?.latest, f.data?.majorsBehind, f.line]), [['lodash', '4.18.1', 1, 5]]);
    assert.match(outdated[0]?.message ?? '', /lodash 3\.10\.1 is 1 major version behind 4\.18\.1/);
  });

  it('checks nothing, and says why, when the registry cannot be reached', async () => {
    await registry.close();
    const manifest: Manifest = { path: path.join(tmp(), 'package.json'), kind: 'package.json', dependencies: [{ name: 'lodash', range: '3.10.1', kind: 'runtime' }] };
    const app = project(tmp(), { dependencies: { count: 1, manifests: [manifest] } });
    const latest = await latestNpmVersions(npmPackageNames(app), { registry: registry.url });
    const { findings } = await dependencyFindings(app, { latestVersions: latest.versions });
    assert.deepEqual(findings.filter((f) => f.ruleId === 'debt/outdated-dependency'), []);
    assert.match(latest.notes.join('\n'), /could not be reached .*not checked for 1 package\b/);
    registry = await startRegistry(replay(new Map())); // afterEach closes it
  });
});
