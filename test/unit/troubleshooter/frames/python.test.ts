import assert from 'node:assert/strict';
import { join } from 'node:path';
import { firstUserFrame, parseFrames } from '../../../../language-server/troubleshooter/frames/parseFrames';
import { crash, makeTempDir, needs, hasTool, removeDir, writeFiles } from './realRun';

// A package laid out as pip installs it into a virtualenv, imported through PYTHONPATH.
const PACKAGE = `import json

def load_config(text):
    return json.loads(text)
`;

const MAIN = `from configlib import load_config

def read_settings(path):
    with open(path) as handle:
        return load_config(handle.read())

def main():
    read_settings("settings.json")

main()
`;

const CHAINED = `def lookup(table, key):
    return table[key]

try:
    lookup({}, "port")
except KeyError as error:
    raise RuntimeError("no port configured") from error
`;

const SITE_PACKAGES = 'venv/lib/python3.11/site-packages';

describe('Python frames', () => {
  const python = hasTool('python3') ? 'python3' : 'python';
  let dir: string | undefined;
  before(function () {
    if (!hasTool(python)) this.skip();
    dir = makeTempDir('python');
    writeFiles(dir, {
      [`${SITE_PACKAGES}/configlib/__init__.py`]: PACKAGE,
      'main.py': MAIN,
      'settings.json': '{"port": ',
      'chained.py': CHAINED,
      'broken.py': 'def f():\n    x = (\n',
    });
  });
  after(() => removeDir(dir));

  it(`reads a traceback through site-packages and the standard library ${needs(python)}`, () => {
    const root = dir ?? '';
    const frames = parseFrames(crash(python, ['main.py'], root, { PYTHONPATH: join(root, SITE_PACKAGES) }));
    const byFile = frames.map((frame) => [frame.file.startsWith(root) ? frame.file.slice(root.length + 1) : 'stdlib', frame.line, frame.function, frame.userCode]);
    assert.deepEqual(byFile.slice(0, 4), [
      ['main.py', 10, '<module>', true],
      ['main.py', 8, 'main', true],
      ['main.py', 5, 'read_settings', true],
      [`${SITE_PACKAGES}/configlib/__init__.py`, 4, 'load_config', false],
    ]);
    assert.ok(byFile.length > 4 && byFile.slice(4).every(([file, , , user]) => file === 'stdlib' && user === false), 'json frames are stdlib');
    assert.ok(frames.every((frame) => frame.runtime === 'python' && frame.column === null));
  });

  it(`firstUserFrame takes the innermost user frame, since Python prints the most recent call last ${needs(python)}`, () => {
    const root = dir ?? '';
    const user = firstUserFrame(parseFrames(crash(python, ['main.py'], root, { PYTHONPATH: join(root, SITE_PACKAGES) })));
    assert.deepEqual(user && [user.file, user.line, user.function], [join(root, 'main.py'), 5, 'read_settings']);
  });

  it(`takes the first traceback of a chained exception, the cause ${needs(python)}`, () => {
    const root = dir ?? '';
    const frames = parseFrames(crash(python, ['chained.py'], root));
    assert.deepEqual(frames.map((frame) => frame.line), [5, 2, 7]);
    assert.deepEqual(firstUserFrame(frames) && [firstUserFrame(frames)?.line, firstUserFrame(frames)?.function], [2, 'lookup']);
  });

  it(`reads the location of a SyntaxError, which has no function ${needs(python)}`, () => {
    const root = dir ?? '';
    const frames = parseFrames(crash(python, ['broken.py'], root));
    assert.deepEqual(frames.map((frame) => [frame.file, frame.line, frame.function, frame.userCode]), [[join(root, 'broken.py'), 2, null, true]]);
  });

  it(`treats <stdin> and <string> as not user code ${needs(python)}`, () => {
    const frames = parseFrames(crash(python, ['-c', 'import json\njson.loads(1)'], dir ?? ''));
    assert.equal(frames[0]?.file, '<string>');
    assert.ok(frames.every((frame) => !frame.userCode));
    assert.equal(firstUserFrame(frames), undefined);
  });
});

describe('Python frames (hand-written from traces in public issue threads)', () => {
  it('reads Windows paths, eggs, Cython frames and leading spaces', () => {
    const text = [
      ' Traceback (most recent call last):',
      '   File "PyPassword.py", line 673, in <module>',
      '     PyPassword().run()',
      '   File "D:\\Apps\\Python\\Python37\\lib\\site-packages\\kivy-1.11.1-py3.7-win-amd64.egg\\kivy\\app.py", line 854, in run',
      '     self.dispatch(\'on_start\')',
      '   File "kivy\\_event.pyx", line 707, in kivy._event.EventDispatcher.dispatch',
      '   File "PyPassword.py", line 104, in on_start',
      '     self.update_passwords_list()',
      '   File "C:\\Python311\\Lib\\json\\__init__.py", line 346, in loads',
      ' sqlite3.OperationalError: no such table: passwords',
    ].join('\n');
    const frames = parseFrames(text);
    assert.deepEqual(frames.map((frame) => [frame.file, frame.userCode]), [
      ['PyPassword.py', true],
      ['D:\\Apps\\Python\\Python37\\lib\\site-packages\\kivy-1.11.1-py3.7-win-amd64.egg\\kivy\\app.py', false],
      ['kivy\\_event.pyx', true],
      ['PyPassword.py', true],
      ['C:\\Python311\\Lib\\json\\__init__.py', false],
    ]);
    assert.equal(firstUserFrame(frames)?.line, 104);
  });

  it('skips "line unknown" and frames that are only a quoted path', () => {
    assert.deepEqual(parseFrames('  File "source)", line unknown, in MouseEvent.eval\n  File "app.py"\n'), []);
  });
});
