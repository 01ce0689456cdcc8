import assert from 'node:assert/strict';
import { candidateEndpoints, describeEndpoint, parseDockerHost } from '../../../language-server/scanner/containers/endpoint';

describe('containers: where the engine is', () => {
  it('uses DOCKER_HOST alone when it is set', () => {
    assert.deepEqual(candidateEndpoints({ env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' } }), [
      { kind: 'socket', socketPath: '/run/user/1000/docker.sock', source: 'DOCKER_HOST' },
    ]);
    assert.deepEqual(candidateEndpoints({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' } }), [
      { kind: 'tcp', host: '10.0.0.5', port: 2375, tls: false, source: 'DOCKER_HOST' },
    ]);
  });

  it('lets the option win over DOCKER_HOST', () => {
    const [endpoint] = candidateEndpoints({ dockerHost: 'unix:///tmp/x.sock', env: { DOCKER_HOST: 'tcp://h:1' } });
    assert.deepEqual(endpoint, { kind: 'socket', socketPath: '/tmp/x.sock', source: 'option' });
  });

  it("looks at Docker's sockets (system, rootless, Desktop), then podman's (rootless, system)", () => {
    const places = candidateEndpoints({ env: { XDG_RUNTIME_DIR: '/run/user/1000' }, uid: 1000, home: '/home/me' }).map(describeEndpoint);
    assert.deepEqual(places, ['/var/run/docker.sock', '/run/user/1000/docker.sock', '/home/me/.docker/run/docker.sock', '/run/user/1000/podman/podman.sock', '/run/podman/podman.sock']);
    const noXdg = candidateEndpoints({ env: {}, uid: 1001, home: '/home/you' }).map(describeEndpoint);
    assert.equal(noXdg[3], '/run/user/1001/podman/podman.sock');
  });

  it('reads tcp addresses with TLS the way the docker CLI does', () => {
    assert.deepEqual(parseDockerHost('tcp://h:2376', {}, 'DOCKER_HOST'), { kind: 'tcp', host: 'h', port: 2376, tls: true, source: 'DOCKER_HOST' });
    assert.deepEqual(parseDockerHost('h:2375', { DOCKER_TLS_VERIFY: '1' }, 'DOCKER_HOST'), { kind: 'tcp', host: 'h', port: 2375, tls: true, source: 'DOCKER_HOST' });
    assert.deepEqual(parseDockerHost('tcp://h', {}, 'option'), { kind: 'tcp', host: 'h', port: 2375, tls: false, source: 'option' });
    assert.equal(describeEndpoint(parseDockerHost('tcp://h:2376', {}, 'option')), 'https://h:2376');
  });

  it('refuses what it cannot use, saying why', () => {
    const ssh = parseDockerHost('ssh://me@box', {}, 'DOCKER_HOST');
    assert.equal(ssh.kind, 'unsupported');
    assert.match(ssh.kind === 'unsupported' ? ssh.reason : '', /^ssh:\/\/ addresses are not supported; use unix:\/\/ or tcp:\/\//);
    assert.deepEqual(parseDockerHost('unix://', {}, 'DOCKER_HOST'), { kind: 'unsupported', value: 'unix://', reason: 'it names no socket path' });
    assert.equal(parseDockerHost('tcp://[bad', {}, 'DOCKER_HOST').kind, 'unsupported');
  });
});
