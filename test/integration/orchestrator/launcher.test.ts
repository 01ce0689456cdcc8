import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Launcher } from '../../../language-server/orchestrator/launcher/launcher';
import type { ManagedRun, RunExit } from '../../../language-server/orchestrator/launcher/managedRun';
import { useTempDir } from '../helpers/tempDir';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('launcher', function () {
  this.timeout(30000);
  const tmp = useTempDir('launch');
  let launcher: Launcher;
  const output = new Map<string, string>();
  const exits: Array<{ run: ManagedRun; exit: RunExit }> = [];
  beforeEach(() => {
    output.clear();
    exits.length = 0;
    launcher = new Launcher({
      onOutput: (run, text) => output.set(run.id, (output.get(run.id) ?? '') + text),
      onExit: (run, exit) => exits.push({ run, exit }),
    });
  });
  afterEach(() => launcher.stopAll(500));

  const plan = (command: string) => ({ projectPath: tmp(), command, cwd: tmp(), env: { ...process.env, GREETING: 'hello from env' } });

  it('runs the command in the project folder with the given environment, on a pty, and streams its output', async () => {
    const { run, started } = launcher.start(plan('pwd; echo "$GREETING"; test -t 1 && echo on-a-tty'));
    assert.equal(started, true);
    const exit = await run.whenExited();
    assert.equal(exit.exitCode, 0);
    const text = output.get(run.id) ?? '';
    assert.match(text, new RegExp(tmp().replace(/[/.]/g, '\\$&')));
    assert.match(text, /hello from env/);
    assert.match(text, /on-a-tty/, 'dev servers see a terminal');
    assert.equal(run.history(), text);
  });

  it('records a crash: the exit code and that Optimus did not stop it', async () => {
    const { run } = launcher.start(plan('echo failing; exit 3'));
    await until('the exit event', () => exits.length === 1);
    assert.deepEqual([exits[0]?.exit.exitCode, exits[0]?.exit.stopped], [3, false]);
    assert.equal(run.running, false);
  });

  it('passes keystrokes to the process', async () => {
    const { run } = launcher.start(plan('read line; echo "got:$line"'));
    run.write('typed text\r');
    await run.whenExited();
    assert.match(output.get(run.id) ?? '', /got:typed text/);
  });

  it('refuses a second run of a project while one runs, and starts again after it ended', async () => {
    const first = launcher.start(plan('sleep 30'));
    const again = launcher.start(plan('sleep 30'));
    assert.equal(again.started, false);
    assert.equal(again.run, first.run);
    await launcher.stop(tmp(), 500);
    assert.equal(launcher.start(plan('true')).started, true);
  });

  it('stops the whole tree, including a shell that ignores SIGTERM and its background child', async () => {
    const script = path.join(tmp(), 'stubborn.sh');
    await writeFile(script, `trap '' TERM\nsleep 60 &\necho child:$!\nwhile true; do sleep 1; done\n`);
    const { run } = launcher.start(plan(`sh ${script}`));
    await until('the child pid', () => /child:\d+/.test(output.get(run.id) ?? ''));
    const child = Number(/child:(\d+)/.exec(output.get(run.id) ?? '')?.[1]);
    assert.ok(alive(child));
    const exit = await launcher.stop(tmp(), 700);
    assert.ok(exit?.stopped);
    await until('the child to be gone', () => !alive(child), 3000);
  });
});
