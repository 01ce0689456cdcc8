import assert from 'node:assert/strict';
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { detectDeployTargets } from '../../../language-server/orchestrator/deploy/detect';
import type { DeployTarget } from '../../../language-server/orchestrator/deploy/types';
import { isRoot, names, useTrees } from './helpers';

const detect = async (dir: string): Promise<DeployTarget[]> => detectDeployTargets(dir, await names(dir));
const only = (targets: DeployTarget[], kind: DeployTarget['kind']): DeployTarget => {
  const found = targets.filter((t) => t.kind === kind);
  assert.equal(found.length, 1, `one ${kind} target in ${JSON.stringify(targets)}`);
  return found[0] as DeployTarget;
};
const BIG = 'x = "' + 'a'.repeat(2 * 1024 * 1024) + '"\n';

describe('deploy targets: bad input', () => {
  const tree = useTrees();

  describe('malformed files give a target with a note naming the file, never a throw', () => {
    it('fly.toml that is not TOML keeps `fly deploy` and says why nothing was read', async () => {
      const fly = only(await detect(await tree({ 'fly.toml': 'app = "shop\n[http_service\n' })), 'fly');
      assert.equal(fly.suggestedCommand, 'fly deploy');
      assert.equal(fly.label, 'Fly.io');
      assert.equal(fly.notes.length, 1);
      assert.match(fly.notes[0] ?? '', /^fly\.toml is not valid TOML/);
    });

    it('fly.toml whose app is not a string notes that no app name is set', async () => {
      const fly = only(await detect(await tree({ 'fly.toml': 'app = 42\nprimary_region = ["ams"]\n' })), 'fly');
      assert.deepEqual(fly.notes, ['no app name set (fly launch sets one)']);
    });

    it('vercel.json that is not JSON, or not an object', async () => {
      const broken = only(await detect(await tree({ 'vercel.json': '{ "framework": "nextjs", }' })), 'vercel');
      assert.equal(broken.suggestedCommand, 'vercel --prod');
      assert.match(broken.notes[0] ?? '', /^vercel\.json is not valid JSON/);
      const list = only(await detect(await tree({ 'vercel.json': '["nextjs"]' })), 'vercel');
      assert.match(list.notes[0] ?? '', /^vercel\.json should hold a JSON object, but holds a list/);
    });

    it('netlify.toml that is not TOML, or whose [build] is not a table', async () => {
      const broken = only(await detect(await tree({ 'netlify.toml': '[build\ncommand = "npm run build"' })), 'netlify');
      assert.equal(broken.suggestedCommand, 'netlify deploy --prod');
      assert.match(broken.notes[0] ?? '', /^netlify\.toml is not valid TOML/);
      const odd = only(await detect(await tree({ 'netlify.toml': 'build = "npm run build"\n' })), 'netlify');
      assert.deepEqual(odd.notes, ['no build command']);
    });

    it('a compose file that is not YAML keeps its command; `services` that is a list is said to be wrong', async () => {
      const broken = only(await detect(await tree({ 'compose.yaml': 'services:\n  web:\n    ports: [\n' })), 'compose');
      assert.equal(broken.suggestedCommand, 'docker compose up -d --build');
      assert.match(broken.notes[0] ?? '', /^compose\.yaml is not valid YAML/);
      const list = only(await detect(await tree({ 'docker-compose.yml': 'services:\n  - web\n' })), 'compose');
      assert.deepEqual(list.notes, ['"services" should be a mapping of service names, but is a list']);
    });

    it('a compose file with a "billion laughs" alias bomb is refused quickly', async () => {
      const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`), 'services: *i'].join('\n');
      const started = Date.now();
      const compose = only(await detect(await tree({ 'compose.yaml': bomb })), 'compose');
      assert.ok(Date.now() - started < 2000);
      assert.match(compose.notes[0] ?? '', /compose\.yaml is not valid YAML.*alias/i);
    });

    it('a workflow that is not YAML is a target without a command, saying the file must be fixed', async () => {
      const dir = await tree({ '.github/workflows/deploy.yml': 'on: [push\njobs:\n  deploy: {' });
      const wf = only(await detect(dir), 'github-actions');
      assert.equal(wf.suggestedCommand, undefined);
      assert.equal(wf.file, path.join(dir, '.github/workflows/deploy.yml'));
      assert.match(wf.notes[0] ?? '', /^\.github\/workflows\/deploy\.yml is not valid YAML/);
    });

    it('a workflow whose jobs or steps have the wrong shape is skipped or read as far as it goes', async () => {
      const dir = await tree({
        '.github/workflows/a.yml': 'on: push\njobs: [deploy]\n',
        '.github/workflows/b.yml': 'on: 42\njobs:\n  deploy: "yes"\n  ship:\n    steps: "fly deploy"\n  release:\n    runs-on: ubuntu-latest\n    steps: [null, 3, {run: 7}]\n',
        '.github/workflows/c.yml': '',
      });
      const targets = await detect(dir);
      assert.deepEqual(targets.map((t) => path.basename(t.file)), ['b.yml']);
      assert.deepEqual(targets[0]?.notes, ['Triggered by nothing it names', 'job "ship" is named like a deployment', 'job "release" is named like a deployment']);
    });

    it('railway.json, render.yaml and a Procfile that cannot be read each note it', async () => {
      const dir = await tree({ 'railway.json': '{', 'render.yaml': 'services: [', Procfile: Buffer.from([0x77, 0x65, 0x62, 0x3a, 0x00, 0xff]) });
      const targets = await detect(dir);
      assert.match(only(targets, 'railway').notes[0] ?? '', /^railway\.json is not valid JSON/);
      assert.match(only(targets, 'render').notes[0] ?? '', /^render\.yaml is not valid YAML/);
      assert.match(only(targets, 'procfile').notes[0] ?? '', /^Procfile contains binary data/);
    });
  });

  describe('files that are not what their name says', () => {
    it('huge config files are not read whole', async () => {
      const dir = await tree({ 'fly.toml': BIG, 'netlify.toml': BIG, '.github/workflows/deploy.yml': `# ${'x'.repeat(2 * 1024 * 1024)}\n` });
      const targets = await detect(dir);
      for (const kind of ['fly', 'netlify', 'github-actions'] as const) assert.match(only(targets, kind).notes[0] ?? '', /is 2 MB, over the 1 MB limit/);
    });

    it('binary and non-UTF-8 files are noted, not parsed as garbage', async () => {
      const dir = await tree({ 'vercel.json': Buffer.from([0x7b, 0x00, 0x7d]), 'fly.toml': Buffer.from('app = "caf\xe9"\n', 'latin1') });
      const targets = await detect(dir);
      assert.match(only(targets, 'vercel').notes[0] ?? '', /^vercel\.json contains binary data/);
      assert.match(only(targets, 'fly').notes[0] ?? '', /^fly\.toml is not valid UTF-8/);
    });

    it('symbolic link loops: a config file, a Dockerfile, the workflows folder and a workflow', async () => {
      const dir = await tree({
        'fly.toml': { symlink: 'fly.toml' },
        Dockerfile: { symlink: 'Dockerfile' },
        'compose.yaml': { symlink: 'docker-compose.yml' },
        'docker-compose.yml': { symlink: 'compose.yaml' },
      });
      const looped = await tree({ '.github/workflows': { symlink: 'workflows' } });
      const fileLoop = await tree({ '.github/workflows/deploy.yml': { symlink: 'deploy.yml' } });
      const targets = await detect(dir);
      assert.match(only(targets, 'fly').notes[0] ?? '', /link loop/);
      assert.match(only(targets, 'dockerfile').notes[0] ?? '', /^Dockerfile is a symbolic link that points back to itself/);
      assert.ok(targets.filter((t) => t.kind === 'compose').every((t) => /link loop/.test(t.notes[0] ?? '')));
      assert.match(only(await detect(looped), 'github-actions').notes[0] ?? '', /\.github\/workflows cannot be listed/);
      assert.match(only(await detect(fileLoop), 'github-actions').notes[0] ?? '', /link loop/);
    });

    it('a dangling link, a folder and a named pipe where files should be (the pipe must not hang the read)', async () => {
      const dir = await tree({ 'netlify.toml': { symlink: 'gone.toml' }, 'fly.toml': { folder: true }, 'vercel.json': { fifo: true }, Dockerfile: { folder: true } });
      const targets = await detect(dir);
      assert.match(only(targets, 'netlify').notes[0] ?? '', /^netlify\.toml is a symbolic link to "gone\.toml", which does not exist/);
      assert.match(only(targets, 'fly').notes[0] ?? '', /^fly\.toml is a folder, not a file/);
      assert.match(only(targets, 'vercel').notes[0] ?? '', /^vercel\.json is not a regular file/);
      assert.match(only(targets, 'dockerfile').notes[0] ?? '', /^Dockerfile is a folder/);
    });

    it('unreadable files (permission denied) are noted', async function () {
      if (isRoot()) this.skip(); // root reads everything, so there is nothing to deny
      const dir = await tree({ 'fly.toml': 'app = "x"\n' });
      await chmod(path.join(dir, 'fly.toml'), 0);
      assert.match(only(await detect(dir), 'fly').notes[0] ?? '', /permission denied/);
    });

    it('a name in the listing that is gone by the time it is read', async () => {
      const dir = await tree({});
      const targets = await detectDeployTargets(dir, ['fly.toml', 'Procfile']);
      assert.match(only(targets, 'fly').notes[0] ?? '', /fly\.toml (disappeared|cannot be read)/);
      assert.match(only(targets, 'procfile').notes[0] ?? '', /Procfile (disappeared|cannot be read)/);
    });

    it('a project folder that does not exist gives no targets', async () => {
      assert.deepEqual(await detectDeployTargets('/nonexistent/optimus/project'), []);
      assert.deepEqual(await detectDeployTargets('/nonexistent/optimus/project', []), []);
    });
  });

  describe('names that would break the command line', () => {
    it('are double-quoted (the same in sh and cmd.exe) when they hold spaces or quotes', async () => {
      const dir = await tree({ "web app's.dockerfile": 'FROM nginx\n', '.github/workflows/ship it.yml': 'on: workflow_dispatch\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps: []\n' });
      const targets = await detect(dir);
      assert.equal(only(targets, 'dockerfile').suggestedCommand, `docker build -f "web app's.dockerfile" -t app .`);
      assert.equal(only(targets, 'github-actions').suggestedCommand, 'gh workflow run "ship it.yml"');
    });

    it('give no command, with a note, when no quoting is safe in every shell ($, %, backquotes, double quotes)', async () => {
      const dir = await tree({ '$(rm -rf ~).dockerfile': 'FROM nginx\n', '.github/workflows/100%.yml': 'on: workflow_dispatch\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps: []\n' });
      const targets = await detect(dir);
      for (const kind of ['dockerfile', 'github-actions'] as const) {
        const t = only(targets, kind);
        assert.equal(t.suggestedCommand, undefined);
        assert.ok(t.notes.some((n) => /cannot be quoted safely/.test(n)), JSON.stringify(t.notes));
      }
    });
  });
});
