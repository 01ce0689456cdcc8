import assert from 'node:assert/strict';
import {
  containerName,
  projectForContainer,
  publishedPorts,
  toContainerInfos,
} from '../../../language-server/scanner/containers/mapping';
import { deepestProject, isInside } from '../../../language-server/scanner/projectPaths';
import type { ContainerSummary } from '../../../language-server/scanner/containers/mapping';

const PROJECTS = ['/p/shop', '/p/shop/admin', '/p/blog', '/p/blog-old'];
const WD = 'com.docker.compose.project.working_dir';
const FILES = 'com.docker.compose.project.config_files';

describe('containers: mapping a container to a project', () => {
  it('compares paths by segment, not by prefix', () => {
    assert.equal(isInside('/p/blog-old/x', '/p/blog'), false);
    assert.equal(isInside('/p/blog', '/p/blog'), true);
    assert.equal(isInside('/p/blog/', '/p/blog'), true);
    assert.equal(isInside('/p/blog/../shop', '/p/blog'), false);
    assert.equal(deepestProject('/p/shop/admin/src', PROJECTS), '/p/shop/admin');
    assert.equal(deepestProject('/elsewhere', PROJECTS), null);
  });

  it('uses the compose working dir first', () => {
    const s: ContainerSummary = { Labels: { [WD]: '/p/shop/admin' }, Mounts: [{ Type: 'bind', Source: '/p/blog/data' }] };
    assert.equal(projectForContainer(s, PROJECTS), '/p/shop/admin');
  });

  it('falls back to compose files, absolute (Docker Compose) or relative to the working dir (podman-compose)', () => {
    assert.equal(projectForContainer({ Labels: { [WD]: '/stacks', [FILES]: '../p/blog/compose.yml' } }, PROJECTS), '/p/blog');
    assert.equal(projectForContainer({ Labels: { [WD]: '/stacks', [FILES]: '/stacks/base.yml,/p/shop/compose.yml' } }, PROJECTS), '/p/shop');
  });

  it('falls back to bind mounts, the deepest project of all of them winning; volumes do not count', () => {
    const s: ContainerSummary = {
      Labels: { [WD]: '/stacks' },
      Mounts: [
        { Type: 'bind', Source: '/p/shop/data' },
        { Type: 'bind', Source: '/p/shop/admin/uploads' },
        { Type: 'volume', Source: '/p/blog/volume' },
      ],
    };
    assert.equal(projectForContainer(s, PROJECTS), '/p/shop/admin');
    assert.equal(projectForContainer({ Mounts: [{ Type: 'volume', Source: '/p/blog' }] }, PROJECTS), null);
  });

  it('ignores relative, empty and missing paths instead of guessing', () => {
    assert.equal(projectForContainer({ Labels: { [WD]: 'p/shop' } }, PROJECTS), null);
    assert.equal(projectForContainer({ Labels: null, Mounts: null }, PROJECTS), null);
    assert.equal(projectForContainer({ Mounts: [{ Type: 'bind' }, { Type: 'bind', Source: '' }] }, PROJECTS), null);
  });
});

describe('containers: ports, names and the list', () => {
  it('lists each published port once (IPv4 and IPv6), sorted, and none of a stopped container', () => {
    const ports = [
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { PrivatePort: 443, PublicPort: 3000, Type: 'tcp' },
      { PrivatePort: 9000, Type: 'tcp' },
    ];
    assert.deepEqual(publishedPorts({ State: 'running', Ports: ports }), [3000, 8080]);
    assert.deepEqual(publishedPorts({ State: 'exited', Ports: ports }), []);
  });

  it('drops the leading slash of the name, and falls back to the short id', () => {
    assert.equal(containerName({ Names: ['/web-1'] }), 'web-1');
    assert.equal(containerName({ Id: '0123456789abcdef0123', Names: [] }), '0123456789ab');
  });

  it('builds ContainerInfo with compose labels, sorted by project then name, skipping entries without an id', () => {
    const summaries: ContainerSummary[] = [
      { Id: 'c', Names: ['/z'], Image: 'redis', State: 'running', Labels: { [WD]: '/p/shop', 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'cache' } },
      { Id: 'b', Names: ['/loose'], Image: 'busybox', State: 'exited' },
      { Id: 'a', Names: ['/a'], Image: 'nginx', State: 'running', Mounts: [{ Type: 'bind', Source: '/p/shop/www' }], Ports: [{ PublicPort: 80 }] },
      { Names: ['/no-id'] },
    ];
    assert.deepEqual(toContainerInfos(summaries, ['/p/shop/']), [
      { id: 'a', name: 'a', image: 'nginx', state: 'running', ports: [80], projectPath: '/p/shop' },
      { id: 'c', name: 'z', image: 'redis', state: 'running', ports: [], projectPath: '/p/shop', composeProject: 'shop', composeService: 'cache' },
      { id: 'b', name: 'loose', image: 'busybox', state: 'exited', ports: [], projectPath: null },
    ]);
  });
});
