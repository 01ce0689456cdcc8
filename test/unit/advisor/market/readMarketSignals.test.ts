import assert from 'node:assert/strict';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readMarketSignals, readMarketSignalsForProjects } from '../../../../language-server/advisor/market/readMarketSignals';
import type { MarketInput } from '../../../../language-server/advisor/market/marketTypes';
import { useTempDir } from '../../../integration/helpers/tempDir';
import type { Handler, MarketStub } from './marketServer';
import { recordedAnswer, replayFixtures, send, startMarketServer, useMarketServers } from './marketServer';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 1, 2, 12);
const LODASH_ON_GITHUB: MarketInput = { packageName: 'lodash', isPrivate: false, remoteUrl: 'https://github.com/atom/atom.git' };
/** Accepts the request and never answers. */
const silent: Handler = () => undefined;

describe('readMarketSignals: cache, offline and many projects, against loopback servers replaying npm and GitHub answers recorded by other projects (the real APIs are unreachable here)', () => {
  const tmp = useTempDir('market');
  const serve = useMarketServers();
  const replaying = async (): Promise<MarketStub> => serve(await replayFixtures());
  /** A port nothing listens on: a server started and closed again. */
  const closedPort = async (): Promise<string> => {
    const stub = await startMarketServer(silent);
    await stub.close();
    return stub.url;
  };
  const cacheDir = () => path.join(tmp(), 'cache');

  describe('when the network fails', () => {
    it('says "offline" once when nothing listens at either API, and returns no numbers', async () => {
      const [npmApi, githubApi] = [await closedPort(), await closedPort()];
      const signals = await readMarketSignals(LODASH_ON_GITHUB, { npmApi, githubApi, cacheDir: cacheDir() });
      const [npmHost, githubHost] = [new URL(npmApi).host, new URL(githubApi).host];
      assert.deepEqual(signals, {
        npm: null,
        github: null,
        notes: [`offline: ${npmHost} (ECONNREFUSED) and ${githubHost} (ECONNREFUSED) unreachable; no market figures from them this time.`],
      });
      await assert.rejects(stat(path.join(cacheDir(), 'market-signals.json')), 'nothing learnt, nothing written');
    });

    it('gives up on a server that never answers after the timeout, and asks it nothing more', async () => {
      const stub = await serve(silent);
      const github = await replaying();
      const signals = await readMarketSignals(LODASH_ON_GITHUB, { npmApi: stub.url, githubApi: github.url, timeoutMs: 200 });
      assert.equal(signals.npm, null);
      assert.equal(signals.github?.stars, 24824, 'GitHub answered all the same');
      assert.deepEqual(signals.notes, [`offline: ${new URL(stub.url).host} (timed out) unreachable; no market figures from it this time.`]);
      assert.deepEqual(stub.requests, ['/downloads/point/last-week/lodash'], 'the monthly count is not asked of a host that timed out');
    });

    it('stops when the caller aborts, without throwing', async () => {
      const stub = await serve(silent);
      const controller = new AbortController();
      const pending = readMarketSignals({ ...LODASH_ON_GITHUB, remoteUrl: null }, { npmApi: stub.url, signal: controller.signal });
      while (stub.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
      controller.abort();
      const signals = await pending;
      assert.equal(signals.npm, null);
      assert.deepEqual(signals.notes, ['No git remote: GitHub stars, forks and watchers were not looked up.', 'Looking up market signals was cancelled before every answer came in.']);
    });
  });

  describe('the cache', () => {
    it('answers a second call from the cache without a request, in a file only the user can read', async () => {
      const npm = await replaying();
      const github = await replaying();
      const options = { npmApi: npm.url, githubApi: github.url, cacheDir: cacheDir() };
      const first = await readMarketSignals(LODASH_ON_GITHUB, { ...options, now: () => T0 });
      const again = await readMarketSignals(LODASH_ON_GITHUB, { ...options, now: () => T0 + 23 * HOUR });
      assert.deepEqual(again, first);
      assert.equal(first.npm?.fetchedAt, new Date(T0).toISOString(), 'the time of the answer, not of the call');
      assert.deepEqual([npm.requests.length, github.requests.length], [2, 1]);
      const file = path.join(cacheDir(), 'market-signals.json');
      assert.equal((await stat(file)).mode & 0o777, 0o600);
      const saved = JSON.parse(await readFile(file, 'utf8'));
      assert.deepEqual(saved.downloads[`${npm.url} last-week lodash`], { value: 97501502, at: T0 });
    });

    it('asks again once an answer is a day old', async () => {
      const npm = await replaying();
      const options = { npmApi: npm.url, cacheDir: cacheDir() };
      const input = { ...LODASH_ON_GITHUB, remoteUrl: null };
      await readMarketSignals(input, { ...options, now: () => T0 });
      const later = await readMarketSignals(input, { ...options, now: () => T0 + 25 * HOUR });
      assert.equal(later.npm?.fetchedAt, new Date(T0 + 25 * HOUR).toISOString());
      assert.equal(npm.requests.length, 4);
    });

    it('keeps a 404 only an hour', async () => {
      const npm = await replaying();
      const github = await replaying();
      const input: MarketInput = { packageName: 'optimus-no-such-package-zz9', isPrivate: false, remoteUrl: 'https://github.com/foo/bar' };
      const options = { npmApi: npm.url, githubApi: github.url, cacheDir: cacheDir() };
      await readMarketSignals(input, { ...options, now: () => T0 });
      const soon = await readMarketSignals(input, { ...options, now: () => T0 + 59 * MINUTE });
      assert.match(soon.notes.join('\n'), /npm has no download counts for optimus-no-such-package-zz9/);
      assert.match(soon.notes.join('\n'), /GitHub has no public repository foo\/bar \(404\)/);
      assert.deepEqual([npm.requests.length, github.requests.length], [1, 1]);
      await readMarketSignals(input, { ...options, now: () => T0 + 61 * MINUTE });
      assert.deepEqual([npm.requests.length, github.requests.length], [2, 2]);
    });

    it('does not trust entries from the future, of the wrong shape, or a corrupt file', async () => {
      const npm = await replaying();
      const file = path.join(cacheDir(), 'market-signals.json');
      await mkdir(cacheDir(), { recursive: true });
      const input = { ...LODASH_ON_GITHUB, remoteUrl: null };
      const poisoned = { version: 1, downloads: { [`${npm.url} last-week lodash`]: { value: '1e9', at: T0 }, [`${npm.url} last-month lodash`]: { value: 5, at: T0 + HOUR } } };
      for (const content of ['{"version":1,"downloads":{', JSON.stringify(poisoned)]) {
        await writeFile(file, content);
        const signals = await readMarketSignals(input, { npmApi: npm.url, cacheDir: cacheDir(), now: () => T0 });
        assert.deepEqual([signals.npm?.weeklyDownloads, signals.npm?.monthlyDownloads], [97501502, 418000000]);
      }
      assert.equal(npm.requests.length, 4);
    });

    it('says so when the cache cannot be written, and still answers', async () => {
      const npm = await replaying();
      await writeFile(path.join(tmp(), 'not-a-folder'), '');
      const signals = await readMarketSignals({ ...LODASH_ON_GITHUB, remoteUrl: null }, { npmApi: npm.url, cacheDir: path.join(tmp(), 'not-a-folder') });
      assert.equal(signals.npm?.weeklyDownloads, 97501502);
      assert.match(signals.notes.at(-1) ?? '', /^The market-signal cache .* could not be written \([A-Z]+\): npm and GitHub will be asked again next time\.$/);
    });
  });

  describe('many projects', () => {
    it('asks four projects at a time, each package once, in input order', async () => {
      const replay = await replayFixtures();
      // A little slow, so that requests overlap and the bound is what limits them.
      const npm = await serve((request, response) => void setTimeout(() => replay(request, response), 20));
      const names = ['lodash', 'is-odd', '@types/node', 'lodash', 'is-odd', 'lodash'];
      const inputs = names.map((packageName) => ({ packageName, isPrivate: false, remoteUrl: null }));
      const { projects, notes } = await readMarketSignalsForProjects(inputs, { npmApi: npm.url });
      assert.deepEqual(projects.map((p) => p.npm?.weeklyDownloads), [97501502, 412569, 214268676, 97501502, 412569, 97501502]);
      assert.deepEqual(notes, []);
      assert.equal(npm.requests.length, 6, 'three packages, two periods each');
      assert.ok(npm.inFlight.max <= 4, `${npm.inFlight.max} requests at once`);
    });

    it('stops asking a host once it proved unreachable, and tells every project why', async () => {
      const npmApi = await closedPort();
      const github = await replaying();
      const inputs = Array.from({ length: 12 }, (_, i) => ({ packageName: `pkg-${i}`, isPrivate: false, remoteUrl: 'https://github.com/atom/atom' }));
      const { projects } = await readMarketSignalsForProjects(inputs, { npmApi, githubApi: github.url });
      const offline = `offline: ${new URL(npmApi).host} (ECONNREFUSED) unreachable; no market figures from it this time.`;
      for (const project of projects) {
        assert.equal(project.npm, null);
        assert.equal(project.github?.stars, 24824);
        assert.deepEqual(project.notes, [offline]);
      }
      assert.equal(github.requests.length, 1, 'one repository, asked once for all twelve projects');
    });

    it('stops asking GitHub once its rate limit is used up', async () => {
      const limited = await recordedAnswer('github/rate-limited.json');
      const github = await serve((_request, response) => send(response, limited));
      const inputs = ['a', 'b', 'c', 'd', 'e', 'f'].map((repo) => ({ packageName: null, isPrivate: true, remoteUrl: `https://github.com/o/${repo}` }));
      // The clock at the recorded answer's Date header, an hour before the limit resets.
      const { projects } = await readMarketSignalsForProjects(inputs, { githubApi: github.url, now: () => Date.parse(limited.headers.date ?? '') });
      for (const project of projects) assert.match(project.notes[1] ?? '', /rate limit is used up until 2013-08-20T15:41:06Z/);
      assert.ok(github.requests.length <= 4, `${github.requests.length} requests after the limit was known`);
    });
  });
});
