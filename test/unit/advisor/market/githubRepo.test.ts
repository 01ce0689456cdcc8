import assert from 'node:assert/strict';
import { readMarketSignals } from '../../../../language-server/advisor/market/readMarketSignals';
import type { Handler, RecordedAnswer } from './marketServer';
import { recordedAnswer, replayFixtures, send, useMarketServers } from './marketServer';

const T0 = Date.UTC(2026, 1, 2, 12);
const repoOnly = (remoteUrl: string | null) => ({ packageName: null, isPrivate: true, remoteUrl });
const PRIVATE = 'The package is private ("private": true in package.json): npm download counts were not looked up.';

describe('GitHub repository figures, from a loopback server replaying api.github.com answers recorded by other projects (and GitHub\'s documented rate-limit answer): the real API is unreachable here', () => {
  const serve = useMarketServers();
  const always = (answer: RecordedAnswer): Handler => (_request, response) => send(response, answer);
  const atom = () => recordedAnswer('github/repo-atom-atom.json');

  describe('what is not asked', () => {
    it('does not ask without a remote or for a remote that is not on GitHub, and never quotes the remote', async () => {
      const stub = await serve(await replayFixtures());
      const none = await readMarketSignals(repoOnly(null), { githubApi: stub.url });
      assert.deepEqual(none.notes, [PRIVATE, 'No git remote: GitHub stars, forks and watchers were not looked up.']);
      for (const remote of ['https://token:s3cret@gitlab.example/o/r.git', 'git@github.com:../../x', 'https://github.com/o/r/../../x']) {
        const signals = await readMarketSignals(repoOnly(remote), { githubApi: stub.url });
        assert.deepEqual(signals, { npm: null, github: null, notes: [PRIVATE, 'The git remote is not a GitHub repository: stars, forks and watchers were not looked up.'] });
      }
      assert.deepEqual(stub.requests, []);
    });
  });

  describe('answers no number is taken from', () => {
    it('says GitHub has no such public repository for the recorded 404', async () => {
      const stub = await serve(await replayFixtures());
      const signals = await readMarketSignals(repoOnly('git@github.com:foo/bar.git'), { githubApi: stub.url });
      assert.deepEqual(signals.github, null);
      assert.deepEqual(signals.notes, [PRIVATE, 'GitHub has no public repository foo/bar (404): it is private or does not exist, so there are no stars or forks to show.']);
    });

    it('turns a used-up rate limit (403, x-ratelimit-remaining 0) into a note saying until when, with no numbers', async () => {
      const stub = await serve(always(await recordedAnswer('github/rate-limited.json')));
      const signals = await readMarketSignals(repoOnly('https://github.com/atom/atom'), { githubApi: stub.url });
      assert.deepEqual(signals, { npm: null, github: null, notes: [PRIVATE, "GitHub's API rate limit is used up until 2013-08-20T15:41:06Z: repository figures for atom/atom were not fetched."] });
    });

    it('reads a 429 the same way, and a 429 without a reset time as a limit of unknown end', async () => {
      const limited = await recordedAnswer('github/rate-limited.json');
      const stub = await serve(always({ ...limited, status: 429 }));
      const signals = await readMarketSignals(repoOnly('https://github.com/atom/atom'), { githubApi: stub.url });
      assert.match(signals.notes[1] ?? '', /rate limit is used up until 2013-08-20T15:41:06Z/);
      const bare = await serve(always({ request: '', status: 429, headers: {}, body: '' }));
      const unknown = await readMarketSignals(repoOnly('https://github.com/atom/atom'), { githubApi: bare.url });
      assert.match(unknown.notes[1] ?? '', /rate limit is used up \(GitHub did not say until when\)/);
    });

    it('takes a 403 without rate-limit headers for what it is, and does not follow a redirect', async () => {
      const stub = await serve((request, response) => {
        if (request.url?.includes('moved')) return void response.writeHead(301, { location: 'https://evil.example/x' }).end();
        response.writeHead(403, { 'content-type': 'text/html' }).end('Request forbidden by administrative rules.');
      });
      const forbidden = await readMarketSignals(repoOnly('https://github.com/atom/atom'), { githubApi: stub.url });
      assert.equal(forbidden.notes[1], 'GitHub did not answer with repository figures for atom/atom (HTTP 403).');
      const moved = await readMarketSignals(repoOnly('https://github.com/atom/moved'), { githubApi: stub.url });
      assert.equal(moved.notes[1], 'GitHub did not answer with repository figures for atom/moved (HTTP 301).');
      assert.equal(stub.requests.length, 2);
    });

    it('drops an answer that is not JSON, or has a string where a count belongs, or another repository\'s figures', async () => {
      const recorded = await atom();
      const body = JSON.parse(recorded.body) as Record<string, unknown>;
      const bodies = [
        recorded.body.slice(0, 2000),
        JSON.stringify({ ...body, stargazers_count: '24824' }),
        JSON.stringify({ ...body, forks_count: -4235 }),
        JSON.stringify({ ...body, subscribers_count: undefined }),
        JSON.stringify({ ...body, open_issues_count: 17.85 }),
        JSON.stringify({ ...body, pushed_at: 1455340509 }),
        JSON.stringify({ ...body, pushed_at: 'last tuesday' }),
        JSON.stringify({ ...body, archived: 'no' }),
        JSON.stringify({ ...body, full_name: 'evil/atom' }),
        JSON.stringify({ ...body, html_url: 'https://evil.example/atom/atom' }),
        JSON.stringify({ ...body, html_url: 'javascript:alert(1)' }),
        JSON.stringify([body]),
      ];
      for (const text of bodies) {
        const stub = await serve(always({ ...recorded, headers: {}, body: text }));
        const signals = await readMarketSignals(repoOnly('https://github.com/atom/atom'), { githubApi: stub.url });
        assert.equal(signals.github, null, text.slice(0, 80));
        assert.match(signals.notes[1] ?? '', /^GitHub did not answer with repository figures for atom\/atom \(the answer was not (JSON|a repository|a JSON object)\)\.$/);
      }
    });

    it('refuses a body over 1 MB', async () => {
      const recorded = await atom();
      const big = JSON.stringify({ ...(JSON.parse(recorded.body) as object), description: 'x'.repeat(1024 * 1024) });
      const stub = await serve(always({ ...recorded, headers: {}, body: big }));
      const signals = await readMarketSignals(repoOnly('https://github.com/atom/atom'), { githubApi: stub.url });
      assert.equal(signals.notes[1], 'GitHub did not answer with repository figures for atom/atom (the answer was larger than 1 MB).');
    });
  });

  describe('recorded answers', () => {
    it('reads stars, forks, watchers, open issues and the last push of atom/atom (recorded 2016, before GitHub had `archived`)', async () => {
      const stub = await serve(await replayFixtures());
      const signals = await readMarketSignals(repoOnly('git@github.com:atom/atom.git'), { githubApi: stub.url, now: () => T0 });
      assert.deepEqual(signals, {
        npm: null,
        github: { repo: 'atom/atom', url: 'https://github.com/atom/atom', stars: 24824, forks: 4235, watchers: 1566, openIssues: 1785, pushedAt: '2016-02-13T05:15:09Z', archived: null, fetchedAt: new Date(T0).toISOString() },
        notes: [PRIVATE],
      });
      assert.deepEqual(stub.requests, ['/repos/atom/atom']);
      const sent = stub.headers[0] ?? {};
      assert.equal(sent.accept, 'application/vnd.github+json');
      assert.equal(sent['x-github-api-version'], '2022-11-28');
      assert.match(sent['user-agent'] ?? '', /^Optimus/);
    });

    it('reads a 2022 answer with `archived`, keeping GitHub\'s spelling of the name', async () => {
      const stub = await serve(await replayFixtures());
      const signals = await readMarketSignals(repoOnly('https://github.com/Octokit-Fixture-Org/Hello-World.git'), { githubApi: stub.url, now: () => T0 });
      assert.deepEqual(signals.github, {
        repo: 'octokit-fixture-org/hello-world',
        url: 'https://github.com/octokit-fixture-org/hello-world',
        stars: 0,
        forks: 0,
        watchers: 1,
        openIssues: 0,
        pushedAt: '2017-11-03T20:11:46Z',
        archived: false,
        fetchedAt: new Date(T0).toISOString(),
      });
      assert.deepEqual(stub.requests, ['/repos/Octokit-Fixture-Org/Hello-World']);
    });
  });
});
