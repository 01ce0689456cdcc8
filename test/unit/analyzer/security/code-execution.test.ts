import assert from 'node:assert/strict';
import { dangerIn, hits } from './helpers';

/** Rule ids found per line of `lines`, as `[ruleId, line]`. */
function check(lines: string[], path?: string): Array<[string, number]> {
  return hits(dangerIn(lines.join('\n'), path));
}

describe('dangerous code: eval, new Function, string timers', () => {
  it('flags eval of computed strings as errors and of constants as warnings, including indirect and global eval', () => {
    const found = dangerIn(['eval(userInput);', "eval('1 + 1');", '(0, eval)(code);', 'window.eval(code);', 'globalThis["eval"](code);'].join('\n'));
    assert.deepEqual(found.map((f) => [f.line, f.severity]), [[1, 'error'], [2, 'warning'], [3, 'error'], [4, 'error'], [5, 'error']]);
    assert.ok(found.every((f) => f.ruleId === 'security/eval' && f.category === 'security'));
  });

  it('does not flag methods that happen to be called eval, or a local named eval being declared', () => {
    assert.deepEqual(check(['page.eval(selector);', 'vm.eval(x);', 'const evaluation = evaluate(x);', 'function evaluate(e) { return e; }']), []);
  });

  it('flags new Function and Function() with and without new', () => {
    assert.deepEqual(check(["const f = new Function('a', 'b', body);", "const g = Function('return this')();", 'class Function2 {}', 'new Functions();']), [
      ['security/new-function', 1], ['security/new-function', 2],
    ]);
  });

  it('flags setTimeout/setInterval given strings, not functions', () => {
    assert.deepEqual(check([
      'setTimeout("tick()", 100);', "setInterval('poll(' + id + ')', 1000);", 'window.setTimeout(`run(${x})`, 5);', "const CODE = 'go()'; setTimeout(CODE, 1);",
      'setTimeout(tick, 100);', 'setTimeout(() => tick("x"), 100);', 'setInterval(function () {}, 10);', 'setTimeout(handler, delay, "arg");',
    ]), [['security/string-timer', 1], ['security/string-timer', 2], ['security/string-timer', 3], ['security/string-timer', 4]]);
  });
});

describe('dangerous code: shell injection through child_process', () => {
  const header = ["import { exec, execSync, spawn, execFile } from 'node:child_process';", "import * as cp from 'child_process';", "const { exec: run } = require('child_process');", "const util = require('util');", 'const execAsync = util.promisify(exec);'];

  it('flags exec/execSync with commands built by templates or concatenation, through every way of importing them', () => {
    const lines = [...header, 'exec(`git log ${branch}`);', "execSync('rm -rf ' + dir);", 'cp.exec("cat " + file, cb);', 'run(`ls ${p}`);', 'await execAsync(`convert ${input} out.png`);', "require('child_process').execSync('kill ' + pid);", 'const cmd = `tar xf ${archive}`; exec(cmd);'];
    assert.deepEqual(check(lines).map(([, line]) => line), [6, 7, 8, 9, 10, 11, 12]);
  });

  it('flags spawn/execFile with shell: true when the command or an argument is built from variables', () => {
    const lines = [...header, 'spawn(`npm run ${script}`, { shell: true });', "spawn('sh', ['-c', `echo ${msg}`], { shell: true });", "execFile('git', ['log', '--author=' + who], { shell: '/bin/bash' }, cb);"];
    assert.deepEqual(check(lines).map(([, line]) => line), [6, 7, 8]);
  });

  it('leaves constant commands, argument arrays without a shell, and non-child_process exec alone', () => {
    const lines = [
      ...header, "exec('ls -la');", "execSync('git status' + ' --short');", "spawn('git', ['log', branch]);", "spawn('git', ['log', `--author=${who}`]);",
      "spawn(`npm run ${script}`, { shell: false });", "execFile('convert', [input, 'out.png'], cb);", 'const re = /a(b)/; re.exec(text + suffix);',
      'db.exec(`PRAGMA ${pragma}`);', 'shell.exec(`ls ${dir}`);',
    ];
    assert.deepEqual(check(lines), []);
  });
});
