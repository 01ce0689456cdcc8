/**
 * UNTESTED ON A REAL macOS MACHINE: these samples were written by hand from ps(1) and lsof(8)'s documented
 * formats, not recorded on a Mac.
 */
import assert from 'node:assert/strict';
import { parseLsofCwd, parseLsofListen, parsePs } from '../../../language-server/scanner/runtime/darwinParse';

describe('macOS parsers (untested on a real macOS machine)', () => {
  describe('parsePs', () => {
    it('skips garbage, headers and lines with a bad date', () => {
      assert.deepEqual(parsePs(''), []);
      assert.deepEqual(parsePs('  PID  PPID    RSS  %CPU STARTED COMMAND\nnot a line\n  12   1  100  0.0 Mon Foo  1 10:00:00 2024 /bin/x\n'), []);
    });

    it('takes lstart as five words and keeps the command with its spaces', () => {
      const text = [
        '    1     0  13040   0.0 Mon Jan  1 09:00:00 2024 /sbin/launchd',
        '  512     1  98304  12.5 Tue Feb 13 10:05:07 2024 /Applications/Visual Studio Code.app/Contents/MacOS/Electron',
        ' 4242   512  51200 101.3 Wed Mar  6 23:59:59 2024 node /Users/a/projects/web/node_modules/.bin/vite --port 5173',
        ' 4243  4242      0   0.0 Wed Mar  6 23:59:59 2024 ',
      ].join('\n');
      const rows = parsePs(text);
      assert.equal(rows.length, 4);
      assert.deepEqual(rows[2], {
        pid: 4242, ppid: 512, rssBytes: 51200 * 1024, cpuPercent: 101.3,
        startedAt: new Date(2024, 2, 6, 23, 59, 59).toISOString(),
        command: 'node /Users/a/projects/web/node_modules/.bin/vite --port 5173',
      });
      assert.equal(rows[1]?.command, '/Applications/Visual Studio Code.app/Contents/MacOS/Electron');
      assert.equal(rows[3]?.command, '');
    });
  });

  describe('parseLsofListen', () => {
    it('ignores lines before a p line, bad ports and connected sockets', () => {
      assert.deepEqual([...parseLsofListen('n*:3000\npabc\nn*:99999\np5\nn127.0.0.1:5000->127.0.0.1:6000\nnnonsense\n')], []);
    });

    it('reads pids and ports from -F pn output, IPv4 and IPv6, without duplicates', () => {
      const text = ['p4242', 'f21', 'n*:5173', 'f22', 'n[::1]:5173', 'f23', 'n127.0.0.1:24678', 'p88', 'f5', 'n[fe80::1%lo0]:631', ''].join('\n');
      assert.deepEqual([...parseLsofListen(text)], [[4242, [5173, 24678]], [88, [631]]]);
    });
  });

  describe('parseLsofCwd', () => {
    it('maps pids to folders, paths with spaces included', () => {
      const text = ['p4242', 'fcwd', 'n/Users/a/projects/web', 'p4243', 'fcwd', 'n/Users/a/My Projects/api', 'p9', 'fcwd', 'n', ''].join('\n');
      assert.deepEqual([...parseLsofCwd(text)], [[4242, '/Users/a/projects/web'], [4243, '/Users/a/My Projects/api']]);
      assert.deepEqual([...parseLsofCwd('garbage\n')], []);
    });
  });
});
