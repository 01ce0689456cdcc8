import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { latestNpmVersions } from '../../../../language-server/analyzer/dependencies/npmLatest';
import { npmPackageNames } from '../../../../language-server/analyzer/dependencies/npmPackageName';
import { registryOf } from '../../../../language-server/analyzer/dependencies/npmrcRegistry';
import { project } from '../../helpers/project';
import { useTempDir, writeFiles } from './helpers';
import type { Handler, RegistryStub } from './registryStub';
import { recordedResponses, replay, startRegistry } from './registryStub';

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);
const RECORDED_VERSIONS = { lodash: '4.18.1', '@types/node': '26.6.6', 'left-pad': '1.3.0' };

/** Answers `body` with `status` for every request. */
const always = (status: number, body = ''): Handler => (_request, response) => void response.writeHead(status, { 'content-type': 'application/json' }).end(body);
/** Accepts the request and never answers. */
const silent: Handler = () => undefined;

describe('latestNpmVersions against a loopback registry', () => {
  const tmp = useTempDir('npm-latest');
  let registry: RegistryStub | undefined;
  const serve = async (handler: Handler): Promise<RegistryStub> => (registry = await startRegistry(handler));
  const served = async (): Promise<RegistryStub> => serve(replay(await recordedResponses()));
  const cacheFile = () => path.join(tmp(), 'cache', 'npm-latest.json');

  afterEach(async () => {
    await registry?.close();
    registry = undefined;
  });

  it('reads `latest` from the recorded dist-tags, a scoped name with its slash encoded', async () => {
    const stub = await served();
    const result = await latestNpmVersions(Object.keys(RECORDED_VERSIONS), { registry: stub.url });
    assert.deepEqual(result, { versions: RECORDED_VERSIONS, notes: [] });
    assert.deepEqual([...stub.requests].sort(), ['/-/package/@types%2fnode/dist-tags', '/-/package/left-pad/dist-tags', '/-/package/lodash/dist-tags']);
  });

  it('asks each name once however often it is given', async () => {
    const stub = await served();
    await latestNpmVersions(['lodash', 'lodash', 'left-pad', 'lodash'], { registry: stub.url });
    assert.equal(stub.requests.length, 2);
  });

  it('answers from a cache younger than a day without a request, written privately', async () => {
    const stub = await served();
    const names = Object.keys(RECORDED_VERSIONS);
    await latestNpmVersions(names, { registry: stub.url, cacheFile: cacheFile(), now: () => T0 });
    const again = await latestNpmVersions(names, { registry: stub.url, cacheFile: cacheFile(), now: () => T0 + 23 * HOUR });
    assert.deepEqual(again, { versions: RECORDED_VERSIONS, notes: [] });
    assert.equal(stub.requests.length, 3);
    assert.equal((await stat(cacheFile())).mode & 0o777, 0o600);
    const saved = JSON.parse(await readFile(cacheFile(), 'utf8'));
    assert.deepEqual(saved.registries[stub.url].lodash, { latest: '4.18.1', at: T0 });
  });

  it('asks again once the cached answer is a day old', async () => {
    const stub = await served();
    await latestNpmVersions(['lodash'], { registry: stub.url, cacheFile: cacheFile(), now: () => T0 });
    const later = await latestNpmVersions(['lodash'], { registry: stub.url, cacheFile: cacheFile(), now: () => T0 + 25 * HOUR });
    assert.deepEqual(later.versions, { lodash: '4.18.1' });
    assert.equal(stub.requests.length, 2);
  });

  it('keeps cache entries per registry: another registry is asked afresh', async () => {
    const stub = await served();
    const other = await startRegistry(replay(await recordedResponses()));
    try {
      await latestNpmVersions(['lodash'], { registry: stub.url, cacheFile: cacheFile(), now: () => T0 });
      await latestNpmVersions(['lodash'], { registry: other.url, cacheFile: cacheFile(), now: () => T0 });
      assert.deepEqual([stub.requests.length, other.requests.length], [1, 1]);
    } finally {
      await other.close();
    }
  });

  it('leaves out a package the registry answers 404 for, without a note, and does not ask again for a day', async () => {
    const stub = await served();
    const first = await latestNpmVersions(['optimus-no-such-package-zz9', 'lodash'], { registry: stub.url, cacheFile: cacheFile(), now: () => T0 });
    assert.deepEqual(first, { versions: { lodash: '4.18.1' }, notes: [] });
    await latestNpmVersions(['optimus-no-such-package-zz9'], { registry: stub.url, cacheFile: cacheFile(), now: () => T0 + HOUR });
    assert.equal(stub.requests.length, 2);
  });

  it('turns an HTTP 500 into one note, stops asking, and caches nothing', async () => {
    const stub = await serve(always(500, '{"error":"boom"}'));
    const names = Array.from({ length: 20 }, (_, i) => `pkg-${i}`);
    const result = await latestNpmVersions(names, { registry: stub.url, cacheFile: cacheFile() });
    assert.deepEqual(result.versions, {});
    assert.deepEqual(result.notes, [`The npm registry at ${stub.url} could not be reached (HTTP 500): outdated dependencies were not checked for 20 packages.`]);
    assert.ok(stub.requests.length <= 8, `${stub.requests.length} requests after the first failure`);
    await assert.rejects(stat(cacheFile()));
  });

  it('says so in one note when nothing listens at the registry', async () => {
    const closed = await startRegistry(silent);
    await closed.close();
    const result = await latestNpmVersions(['lodash', 'left-pad'], { registry: closed.url });
    assert.deepEqual(result.versions, {});
    assert.deepEqual(result.notes, [`The npm registry at ${closed.url} could not be reached (ECONNREFUSED): outdated dependencies were not checked for 2 packages.`]);
  });

  it('drops malformed answers with one note and keeps the good ones', async () => {
    const bodies: Record<string, string> = {
      '/-/package/a/dist-tags': '{"latest":',
      '/-/package/b/dist-tags': '["4.0.0"]',
      '/-/package/c/dist-tags': '{"latest":"../../etc/passwd"}',
      '/-/package/d/dist-tags': '{"latest":4}',
      '/-/package/e/dist-tags': 'null',
      '/-/package/f/dist-tags': '{"next":"2.0.0-rc.1","latest":"1.4.2"}',
    };
    const stub = await serve((request, response) => void response.writeHead(200).end(bodies[request.url ?? '']));
    const result = await latestNpmVersions(['a', 'b', 'c', 'd', 'e', 'f'], { registry: stub.url, cacheFile: cacheFile() });
    assert.deepEqual(result.versions, { f: '1.4.2' });
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0] ?? '', /sent 5 answers that were not a dist-tags document .*not checked for 5 packages/);
    const saved = JSON.parse(await readFile(cacheFile(), 'utf8'));
    assert.deepEqual(Object.keys(saved.registries[stub.url]), ['f']);
  });

  it('refuses a body over 64 KB, declared or streamed', async () => {
    const big = JSON.stringify({ latest: '1.0.0', padding: 'x'.repeat(70 * 1024) });
    const stub = await serve((request, response) => {
      if (request.url?.includes('declared')) return void response.writeHead(200, { 'content-length': Buffer.byteLength(big) }).end(big);
      response.writeHead(200); // chunked: the size shows only while reading
      for (let i = 0; i < big.length; i += 8192) response.write(big.slice(i, i + 8192));
      response.end();
    });
    const result = await latestNpmVersions(['declared', 'streamed'], { registry: stub.url });
    assert.deepEqual(result.versions, {});
    assert.match(result.notes.join('\n'), /sent 2 answers that were not a dist-tags document/);
  });

  it('gives up on a registry that never answers after the request timeout', async () => {
    const stub = await serve(silent);
    const names = Array.from({ length: 12 }, (_, i) => `pkg-${i}`);
    const started = Date.now();
    const result = await latestNpmVersions(names, { registry: stub.url, timeoutMs: 150 });
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual(result.notes, [`The npm registry at ${stub.url} could not be reached (timed out): outdated dependencies were not checked for 12 packages.`]);
    assert.ok(stub.requests.length <= 8);
  });

  it('never puts an invalid name into a URL', async () => {
    const stub = await served();
    const hostile = ['../../etc/passwd', '..', '.', 'a/../b', '@scope/../x', '@scope/..', '@../x', 'a/b', '@/x', '_private', '.hidden', 'has space', 'a?b', 'a#b', 'a%2f..', '', 'x'.repeat(215)];
    const result = await latestNpmVersions([...hostile, 'lodash'], { registry: stub.url });
    assert.deepEqual(result, { versions: { lodash: '4.18.1' }, notes: [] });
    assert.deepEqual(stub.requests, ['/-/package/lodash/dist-tags']);
    assert.ok(!stub.requests.some((r) => r.includes('..') || /%2e/i.test(r)));
  });

  it('has at most 8 requests in flight', async () => {
    const stub = await serve((_request, response) => void setTimeout(() => response.writeHead(200).end('{"latest":"1.0.0"}'), 30));
    const names = Array.from({ length: 30 }, (_, i) => `pkg-${i}`);
    const result = await latestNpmVersions(names, { registry: stub.url });
    assert.equal(Object.keys(result.versions).length, 30);
    assert.equal(stub.inFlight.max, 8);
  });

  it('asks at most maxRequests names per call and notes the rest', async () => {
    const stub = await served();
    const result = await latestNpmVersions(['lodash', 'left-pad', '@types/node'], { registry: stub.url, maxRequests: 2 });
    assert.equal(stub.requests.length, 2);
    assert.deepEqual(result.notes, ['Outdated dependencies were not checked for 1 package: at most 2 are asked of the registry at a time; a later run asks the rest.']);
  });

  it('ignores a corrupt cache file and replaces it', async () => {
    const stub = await served();
    await writeFiles(tmp(), { 'cache/npm-latest.json': '{"version":1,"registries":{' });
    const result = await latestNpmVersions(['lodash'], { registry: stub.url, cacheFile: cacheFile(), now: () => T0 });
    assert.deepEqual(result, { versions: { lodash: '4.18.1' }, notes: [] });
    const saved = JSON.parse(await readFile(cacheFile(), 'utf8'));
    assert.deepEqual(saved, { version: 1, registries: { [stub.url]: { lodash: { latest: '4.18.1', at: T0 } } } });
  });

  it('drops cache entries of the wrong shape and asks for those', async () => {
    const stub = await served();
    const registries = { [stub.url]: { lodash: { latest: 'rm -rf /', at: T0 }, 'left-pad': { latest: '1.3.0', at: T0 } } };
    await writeFiles(tmp(), { 'cache/npm-latest.json': { version: 1, registries } });
    const result = await latestNpmVersions(['lodash', 'left-pad'], { registry: stub.url, cacheFile: cacheFile(), now: () => T0 });
    assert.deepEqual(result.versions, { lodash: '4.18.1', 'left-pad': '1.3.0' });
    assert.deepEqual(stub.requests, ['/-/package/lodash/dist-tags']);
  });

  it('stops when the caller aborts, returning what it has without throwing', async () => {
    const stub = await serve(silent);
    const controller = new AbortController();
    const pending = latestNpmVersions(['lodash', 'left-pad'], { registry: stub.url, signal: controller.signal });
    await until(() => stub.requests.length === 2);
    controller.abort();
    const result = await pending;
    assert.deepEqual(result, { versions: {}, notes: ['The outdated-dependency check was cancelled: 2 packages not checked.'] });
  });

  it('sends nothing when the signal is already aborted', async () => {
    const stub = await served();
    const result = await latestNpmVersions(['lodash'], { registry: stub.url, signal: AbortSignal.abort() });
    assert.deepEqual(stub.requests, []);
    assert.deepEqual(result.versions, {});
  });

  it('refuses a registry that is not an http(s) URL', async () => {
    const result = await latestNpmVersions(['lodash'], { registry: 'file:///etc' });
    assert.deepEqual(result, { versions: {}, notes: ['Outdated dependencies were not checked: the npm registry setting is not an http(s) URL.'] });
  });
});

describe('registryOf: the registry of a project from its .npmrc', () => {
  const tmp = useTempDir('npmrc');

  it('reads `registry=` and drops credentials, query and trailing slash', async () => {
    await writeFiles(tmp(), {
      '.npmrc': ['; comment', '//registry.example.com/npm/:_authToken=npm_SECRET', '@corp:registry=https://corp.example.com/', 'registry = "https://user:pw@registry.example.com/npm/?x=1"', ''].join('\n'),
    });
    assert.equal(registryOf(tmp()), 'https://registry.example.com/npm');
  });

  it('is undefined without .npmrc, without a registry line, for ${VAR} values and for other schemes', async () => {
    assert.equal(registryOf(tmp()), undefined);
    for (const text of ['//registry.npmjs.org/:_authToken=abc\n', 'registry=${NPM_REGISTRY}\n', 'registry=file:///tmp/x\n', 'registry=\n']) {
      await writeFile(path.join(tmp(), '.npmrc'), text);
      assert.equal(registryOf(tmp()), undefined, text);
    }
  });
});

describe('npmPackageNames: what to ask the registry about', () => {
  it('takes registry dependencies of package.json files only, each once', () => {
    const dep = (name: string, range: string) => ({ name, range, kind: 'runtime' as const });
    const manifests = [
      { path: '/p/package.json', kind: 'package.json', dependencies: [dep('lodash', '^4.0.0'), dep('@types/node', '20.1.0'), dep('alias', 'npm:lodash@^3'), dep('mine', 'file:../mine'), dep('fork', 'github:me/fork'), dep('lodash', '4.17.0'), dep('../evil', '1.0.0')] },
      { path: '/p/requirements.txt', kind: 'requirements.txt', dependencies: [dep('requests', '==2.0.0')] },
    ];
    assert.deepEqual(npmPackageNames(project('/p', { dependencies: { count: 9, manifests } })), ['lodash', '@types/node']);
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
