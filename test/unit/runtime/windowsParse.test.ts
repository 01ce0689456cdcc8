/**
 * UNTESTED ON A REAL WINDOWS MACHINE: these samples were written by hand from the documented formats of
 * Win32_Process, ConvertTo-Json and netstat, not recorded on Windows.
 */
import assert from 'node:assert/strict';
import { parseNetstat, parseWin32Processes, parseWindowsDate, windowsPathHints } from '../../../language-server/scanner/runtime/windowsParse';

describe('Windows parsers (untested on a real Windows machine)', () => {
  describe('parseWin32Processes', () => {
    it('returns nothing for empty, malformed or pid-less JSON', () => {
      assert.deepEqual(parseWin32Processes(''), []);
      assert.deepEqual(parseWin32Processes('{not json'), []);
      assert.deepEqual(parseWin32Processes('[null, 3, "x", {"Name": "x"}]'), []);
    });

    it('reads an array and a single unwrapped object, with a BOM', () => {
      const one = { ProcessId: 4242, ParentProcessId: 100, WorkingSetSize: 52428800, UserModeTime: 20000000, KernelModeTime: 5000000, CommandLine: '"C:\\Program Files\\nodejs\\node.exe" C:\\Users\\a\\web\\server.js --token=abcd1234', Name: 'node.exe', Created: '2024-03-06T22:59:59.1230000Z' };
      const system = { ProcessId: 4, ParentProcessId: 0, WorkingSetSize: 1024, UserModeTime: 0, KernelModeTime: 0, CommandLine: null, Name: 'System', Created: null };
      const rows = parseWin32Processes(`\uFEFF${JSON.stringify([one, system])}`);
      assert.deepEqual(rows[0], { pid: 4242, ppid: 100, workingSetBytes: 52428800, cpuTime100ns: 25000000, startedAt: '2024-03-06T22:59:59.123Z', commandLine: one.CommandLine });
      assert.equal(rows[1]?.commandLine, '[System]');
      assert.equal(parseWin32Processes(JSON.stringify(one)).length, 1);
    });
  });

  describe('parseWindowsDate', () => {
    it('reads ISO, PowerShell 5.1 and DMTF dates, and refuses the rest', () => {
      assert.equal(parseWindowsDate('2024-03-06T22:59:59.1230000+01:00'), '2024-03-06T21:59:59.123Z');
      assert.equal(parseWindowsDate('\\/Date(1709765999123)\\/'), '2024-03-06T22:59:59.123Z');
      assert.equal(parseWindowsDate('/Date(1709765999123)/'), '2024-03-06T22:59:59.123Z');
      assert.equal(parseWindowsDate('20240306235959.123456+060'), '2024-03-06T22:59:59.123Z');
      assert.equal(parseWindowsDate('nonsense'), null);
      assert.equal(parseWindowsDate(42), null);
    });
  });

  describe('parseNetstat', () => {
    it('skips headers, UDP, connections and bad numbers', () => {
      const text = ['', 'Active Connections', '', '  Proto  Local Address          Foreign Address        State           PID', '  UDP    0.0.0.0:5353           *:*                                    2000', '  TCP    127.0.0.1:49670        127.0.0.1:49671        ESTABLISHED     5000', '  TCP    0.0.0.0:x              0.0.0.0:0              LISTENING       1', '  TCP    0.0.0.0:80             0.0.0.0:0              LISTENING       zero'].join('\r\n');
      assert.deepEqual([...parseNetstat(text)], []);
    });

    it('reads listening sockets by their empty foreign address, whatever the state is called', () => {
      const text = ['  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1052', '  TCP    0.0.0.0:3000           0.0.0.0:0              ABHÖREN         4242', '  TCP    [::]:3000              [::]:0                 LISTENING       4242', '  TCP    [::1]:5432             [::]:0                 ÉCOUTE          77'].join('\r\n');
      assert.deepEqual([...parseNetstat(text)], [[1052, [135]], [4242, [3000]], [77, [5432]]]);
    });
  });

  describe('windowsPathHints', () => {
    it('finds quoted and bare absolute paths', () => {
      assert.deepEqual(windowsPathHints('"C:\\Program Files\\nodejs\\node.exe" C:\\Users\\a\\web\\server.js --root=D:\\data\\ x'), ['C:\\Program Files\\nodejs\\node.exe', 'C:\\Users\\a\\web\\server.js', 'D:\\data']);
      assert.deepEqual(windowsPathHints('node server.js'), []);
    });
  });
});
