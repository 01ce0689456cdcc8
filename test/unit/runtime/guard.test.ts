import assert from 'node:assert/strict';
import { ancestorsOf, isInteractiveShell, protectedPids } from '../../../language-server/scanner/runtime/guard';

describe('protectedPids', () => {
  it('copes with an empty or torn table', () => {
    assert.deepEqual([...protectedPids([], 100)].sort(), [1, 100]);
    assert.deepEqual([...protectedPids([{ pid: 100, ppid: 101, argv0: 'node' }, { pid: 101, ppid: 100, argv0: 'x' }], 100)].sort(), [1, 100, 101]);
  });

  it('protects Optimus, its ancestors and the editor helpers beside it, not what Optimus or a shell started', () => {
    const code = '/usr/share/code/code';
    const rows = [
      { pid: 1, ppid: 0, argv0: '/sbin/init' },
      { pid: 10, ppid: 1, argv0: code }, // editor main
      { pid: 11, ppid: 10, argv0: code }, // renderer
      { pid: 12, ppid: 10, argv0: code }, // pty host
      { pid: 13, ppid: 12, argv0: '/bin/bash' }, // terminal shell
      { pid: 14, ppid: 13, argv0: 'npm run dev' },
      { pid: 20, ppid: 10, argv0: code }, // extension host
      { pid: 30, ppid: 20, argv0: code }, // Optimus's server
      { pid: 31, ppid: 30, argv0: code }, // something Optimus started
      { pid: 40, ppid: 1, argv0: '/sbin/init' }, // a sibling of init's own program is not protected
    ];
    assert.deepEqual([...protectedPids(rows, 30)].sort((a, b) => a - b), [1, 10, 11, 12, 20, 30]);
  });
});

describe('ancestorsOf', () => {
  it('walks up and stops at cycles and unknown parents', () => {
    const parents = new Map([[5, 4], [4, 3], [3, 5]]);
    assert.deepEqual(ancestorsOf(5, (p) => parents.get(p)), [4, 3]);
    assert.deepEqual(ancestorsOf(9, (p) => parents.get(p)), []);
  });
});

describe('isInteractiveShell', () => {
  it('knows a shell at a prompt from a shell running something', () => {
    for (const yes of ['bash', '-bash', '/bin/zsh', 'zsh -l', 'fish', '/usr/bin/bash --login -i', 'pwsh -NoLogo', 'C:\\Windows\\System32\\cmd.exe']) assert.equal(isInteractiveShell(yes), true, yes);
    for (const no of ['', 'node server.js', "sh -c 'node server.js'", 'bash script.sh', 'bash -lc make', 'cmd /c npm start', 'pwsh -Command Start', 'bashful']) assert.equal(isInteractiveShell(no), false, no);
  });
});
