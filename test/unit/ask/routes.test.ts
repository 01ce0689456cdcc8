import assert from 'node:assert/strict';
import { routeAsk } from '../../../extension/ask/askRoutes';
import { isUnderstood, type AskUnderstood } from '../../../language-server/ask/askTypes';
import { parseAsk } from '../../../language-server/ask/parseAsk';
import { selectTargets, type TargetFacts } from '../../../language-server/ask/targets';
import { emptyStack, type Project } from '../../../language-server/model';
import { askFixture, HOME } from './helpers';

const NOW = new Date('2026-06-01T00:00:00Z');

function project(name: string, extra: { dirty?: boolean; ahead?: number; lastCommit?: string; languages?: string[]; parent?: string } = {}): Project {
  const path = `/home/dev/projects/${name}`;
  return {
    name, path, root: '/home/dev/projects', stack: { ...emptyStack(), languages: extra.languages ?? [] },
    git: {
      branch: 'main', head: 'abc', detached: false, dirty: extra.dirty === true, changedFiles: extra.dirty ? 1 : 0, untrackedFiles: 0, upstream: null,
      ahead: extra.ahead ?? null, behind: null, lastCommit: extra.lastCommit ? { hash: 'abc', date: extra.lastCommit, subject: 's' } : null,
      commitsLast30Days: 0, remoteUrl: null, complete: true,
    },
    dependencies: { count: 0, manifests: [] }, children: [], parent: extra.parent ?? null, findings: [], scannedAt: NOW.toISOString(),
  };
}

const PROJECTS: Project[] = [
  project('blog', { dirty: true, lastCommit: '2026-05-20T00:00:00Z', languages: ['typescript'] }),
  project('blog-old', { lastCommit: '2025-01-01T00:00:00Z', languages: ['javascript'] }),
  project('shop', { ahead: 2, lastCommit: '2026-05-30T00:00:00Z', languages: ['python'] }),
  project('shop-admin', { dirty: true, lastCommit: '2025-10-01T00:00:00Z', languages: ['python'], parent: '/home/dev/projects/shop' }),
  project('api', { lastCommit: '2026-05-31T00:00:00Z', languages: ['go'] }),
];
const RUNNING = new Set(['/home/dev/projects/api', '/home/dev/projects/shop-admin']);
const FACTS: TargetFacts = { running: (p) => RUNNING.has(p), crashed: (p) => p.endsWith('/blog'), now: NOW };

function understood(text: string): AskUnderstood {
  const answer = parseAsk(text, PROJECTS, { home: HOME });
  assert.ok(isUnderstood(answer), text);
  return answer;
}
const targets = (text: string) => {
  const a = understood(text);
  return selectTargets(a.intent, a.slots, PROJECTS, FACTS).map((p) => p.name);
};

describe('ask: the projects a sentence acts on', () => {
  it('"stop everything" is what runs, members of a monorepo included', () => {
    assert.deepEqual(targets('stop everything'), ['shop-admin', 'api']);
  });

  it('filters: uncommitted work, unpushed, stale, stack, crashed; members of a monorepo go with it', () => {
    assert.deepEqual(targets('back up all projects with uncommitted work'), ['blog']);
    assert.deepEqual(targets('back up projects with unpushed commits'), ['shop']);
    assert.deepEqual(targets('back up projects not touched in 6 months'), ['blog-old']);
    assert.deepEqual(targets('list python projects'), ['shop']);
    assert.deepEqual(targets('restart the projects that crashed'), ['blog'], 'restarting what crashed starts it again');
    assert.deepEqual(targets('list projects that crashed'), ['blog']);
    assert.deepEqual(targets('start blog'), ['blog']);
  });
});

describe('ask: what the extension runs for an answer', () => {
  const examples = askFixture().phrasings.slice(0, 3).map((p) => p.text);
  const route = (text: string) => {
    const a = understood(text);
    return routeAsk(a, selectTargets(a.intent, a.slots, PROJECTS, FACTS), examples);
  };

  it('opens the matching view for what only reads', () => {
    assert.deepEqual(route("what's running?").steps, [{ command: 'optimus.showRuntimeMonitor', args: [] }]);
    assert.deepEqual(route('why did shop crash?').steps, [{ command: 'optimus.showTroubleshootingConsole', args: [] }]);
    assert.deepEqual(route('show security issues in api').steps, [{ command: 'optimus.showProjectDetail', args: [{ path: '/home/dev/projects/api' }] }]);
    assert.deepEqual(route('which projects make money?').steps, [{ command: 'optimus.showMoney', args: [] }]);
    assert.deepEqual(route('what should I work on next?').steps, [{ command: 'optimus.nextActions.focus', args: [] }]);
    assert.deepEqual(route('show the output of blog').steps, [{ command: 'optimus.showOutput', args: [{ path: '/home/dev/projects/blog' }] }]);
    assert.equal(route('python projects').pick?.length, 1);
    for (const text of ["what's running?", 'open blog', 'show the audit log']) assert.equal(route(text).confirm, null, text);
  });

  it('runs the existing commands for what changes state, after a modal listing the projects unless the command asks itself', () => {
    const stopAll = route('stop everything');
    assert.deepEqual(stopAll.steps.map((s) => s.command), ['optimus.stop', 'optimus.stop']);
    assert.equal(stopAll.confirm?.button, 'Stop 2 Projects');
    assert.match(stopAll.confirm?.detail ?? '', /shop-admin — \/home\/dev\/projects\/shop-admin\n• api — /);
    const backup = route('back up all projects with uncommitted work');
    assert.deepEqual(backup.steps, [{ command: 'optimus.backup', args: [{ path: '/home/dev/projects/blog' }] }]);
    assert.equal(backup.confirm?.button, 'Back Up');
    assert.equal(route('start blog').confirm, null, 'Start shows its command and asks itself');
    assert.ok(route('stop blog').confirm, 'Stop does not ask for a run Optimus started: Ask does');
    const idle = understood('stop everything');
    assert.equal(routeAsk(idle, selectTargets(idle.intent, idle.slots, PROJECTS, { ...FACTS, running: () => false })).nothing, 'Nothing to do: no project is running.');
  });
});
