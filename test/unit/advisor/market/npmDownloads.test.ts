import assert from 'node:assert/strict';
import { readMarketSignals } from '../../../../language-server/advisor/market/readMarketSignals';
import type { Handler } from './marketServer';
import { recordedAnswer, replayFixtures, send, useMarketServers } from './marketServer';

const T0 = Date.UTC(2026, 1, 2, 12);
const npmOnly = (packageName: string | null, isPrivate = false) => ({ packageName, isPrivate, remoteUrl: null });
const NO_REMOTE = 'No git remote: GitHub stars, forks and watchers were not looked up.';

describe('npm download counts, from a loopback server replaying api.npmjs.org answers recorded by other projects (and bodies modelled on npm\'s documented format): the real API is unreachable here', () => {
  const serve = useMarketServers();
  /** Answers every request with `body` (200, JSON content type). */
  const always = (body: string, status = 200): Handler => (_request, response) => send(response, { request: '', status, headers: {}, body });

  describe('what is not asked', () => {
    it('does not ask npm about a private package, and says so', async () => {
      const stub = await serve(await replayFixtures());
      const signals = await readMarketSignals(npmOnly('lodash', true), { npmApi: stub.url });
      assert.deepEqual(signals, { npm: null, github: null, notes: ['The package is private ("private": true in package.json): npm download counts were not looked up.', NO_REMOTE] });
      assert.deepEqual(stub.requests, []);
    });

    it('does not ask without a package name, nor for a name npm could not have', async () => {
      const stub = await serve(await replayFixtures());
      const none = await readMarketSignals(npmOnly(null), { npmApi: stub.url });
      assert.deepEqual(none.notes, ['No package name in package.json: npm download counts were not looked up.', NO_REMOTE]);
      for (const name of ['', '../../etc/passwd', '@scope/../x', 'a/b', 'has space', 'a?b', '%2e%2e', '_private', 'x'.repeat(215)]) {
        const signals = await readMarketSignals(npmOnly(name), { npmApi: stub.url });
        assert.equal(signals.npm, null, name);
        assert.match(signals.notes[0] ?? '', name === '' ? /No package name/ : /not a valid npm name/, name);
      }
      assert.deepEqual(stub.requests, []);
    });

    it('does not ask an API address that is not http(s)', async () => {
      const signals = await readMarketSignals(npmOnly('lodash'), { npmApi: 'file:///etc' });
      assert.deepEqual(signals.notes, ['npm download counts were not looked up: the npm API address is not an http(s) URL.', NO_REMOTE]);
    });
  });

  describe('answers no number is taken from', () => {
    it('drops an answer that is not JSON', async () => {
      const stub = await serve(always('{"downloads":97501502,"start":"2026-01-26",'));
      const signals = await readMarketSignals(npmOnly('lodash'), { npmApi: stub.url });
      assert.equal(signals.npm, null);
      assert.deepEqual(signals.notes, ['npm did not answer with download counts for lodash (the answer was not JSON).', NO_REMOTE]);
    });

    it('drops answers with a count of the wrong type or range, missing dates, or for another package', async () => {
      const recorded = JSON.parse((await recordedAnswer('npm/last-week-lodash.json')).body) as Record<string, unknown>;
      const variants: unknown[] = [
        { ...recorded, downloads: '97501502' },
        { ...recorded, downloads: -1 },
        { ...recorded, downloads: 1.5 },
        { ...recorded, downloads: 2 ** 60 },
        { ...recorded, downloads: null },
        { ...recorded, start: 20260126 },
        { ...recorded, end: 'yesterday' },
        { ...recorded, package: 'left-pad' },
        { error: 'package lodash not found' },
        [recorded],
        null,
        97501502,
      ];
      for (const variant of variants) {
        const stub = await serve(always(JSON.stringify(variant)));
        const signals = await readMarketSignals(npmOnly('lodash'), { npmApi: stub.url });
        assert.equal(signals.npm, null, JSON.stringify(variant));
        assert.match(signals.notes[0] ?? '', /^npm did not answer with download counts for lodash \(the answer was not (a download count for it|a JSON object)\)\.$/, JSON.stringify(variant));
      }
    });

    it('refuses a body over 1 MB, declared or streamed, without reading it all', async () => {
      const big = JSON.stringify({ downloads: 1, start: '2026-01-26', end: '2026-02-01', package: 'lodash', padding: 'x'.repeat(1024 * 1024) });
      const stub = await serve((request, response) => {
        if (request.url?.includes('declared')) return void response.writeHead(200, { 'content-length': Buffer.byteLength(big) }).end(big);
        response.writeHead(200); // chunked: the size shows only while reading
        for (let i = 0; i < big.length; i += 64 * 1024) response.write(big.slice(i, i + 64 * 1024));
        response.end();
      });
      for (const name of ['declared', 'streamed']) {
        const signals = await readMarketSignals(npmOnly(name), { npmApi: stub.url });
        assert.equal(signals.npm, null);
        assert.equal(signals.notes[0], `npm did not answer with download counts for ${name} (the answer was larger than 1 MB).`);
      }
    });

    it('says which HTTP status npm answered with, and does not call that offline', async () => {
      const stub = await serve(always('{"error":"boom"}', 503));
      const signals = await readMarketSignals(npmOnly('lodash'), { npmApi: stub.url });
      assert.deepEqual(signals.notes, ['npm did not answer with download counts for lodash (HTTP 503).', NO_REMOTE]);
      assert.equal(stub.requests.length, 1, 'the monthly count is not asked after the weekly one failed');
    });

    it('says npm has no counts for a package it answers 404 for (the recorded not-found answer), asking once', async () => {
      const stub = await serve(await replayFixtures());
      const name = '@akdfdsaf/jdshfauybsfuyabdflbasdfdksahjsdhksdf';
      const signals = await readMarketSignals(npmOnly(name), { npmApi: stub.url });
      assert.deepEqual(signals, { npm: null, github: null, notes: [`npm has no download counts for ${name}: it is not published on the public registry.`, NO_REMOTE] });
      assert.deepEqual(stub.requests, ['/downloads/point/last-week/@akdfdsaf%2Fjdshfauybsfuyabdflbasdfdksahjsdhksdf']);
    });
  });

  describe('recorded answers', () => {
    it('reads the weekly and monthly counts of a package', async () => {
      const stub = await serve(await replayFixtures());
      const signals = await readMarketSignals(npmOnly('lodash'), { npmApi: stub.url, now: () => T0 });
      assert.deepEqual(signals, {
        npm: { package: 'lodash', weeklyDownloads: 97501502, monthlyDownloads: 418000000, fetchedAt: new Date(T0).toISOString() },
        github: null,
        notes: [NO_REMOTE],
      });
      assert.deepEqual(stub.requests, ['/downloads/point/last-week/lodash', '/downloads/point/last-month/lodash']);
      assert.equal(stub.headers[0]?.accept, 'application/json');
    });

    it('encodes a scoped name\'s slash, so the server gets one path segment', async () => {
      const stub = await serve(await replayFixtures());
      const signals = await readMarketSignals(npmOnly('@types/node'), { npmApi: stub.url, now: () => T0 });
      assert.deepEqual(signals.npm, { package: '@types/node', weeklyDownloads: 214268676, monthlyDownloads: 912000000, fetchedAt: new Date(T0).toISOString() });
      assert.deepEqual(stub.requests, ['/downloads/point/last-week/@types%2Fnode', '/downloads/point/last-month/@types%2Fnode']);
    });

    it('takes the API base with or without a trailing slash', async () => {
      const stub = await serve(await replayFixtures());
      const signals = await readMarketSignals(npmOnly('is-odd'), { npmApi: `${stub.url}/` });
      assert.equal(signals.npm?.weeklyDownloads, 412569);
      assert.deepEqual(stub.requests, ['/downloads/point/last-week/is-odd', '/downloads/point/last-month/is-odd']);
    });
  });
});
