import assert from 'node:assert/strict';
import { isKernelThread, parseProcStat, parseUptime } from '../../../language-server/scanner/runtime/procStat';

// Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
// cutime cstime priority nice threads itreal starttime vsize rss ...
const tail = 'S 100 200 300 34816 200 4194560 1 2 3 4 150 50 7 8 20 0 1 0 123456 9999 2500 18446744073709551615 1 1 0 0 0';
// ... rsslim startcode endcode startstack kstkesp
const full = 'S 1 2 3 0 -1 4194304 9 0 0 0 5 6 0 0 20 0 1 0 777 1000 50 18446744073709551615 94000000000000 94000000001000 140730000000000 0 0';

describe('parseProcStat', () => {
  it('refuses what is not a stat line', () => {
    for (const bad of ['', 'garbage', '12 comm S 1', '12 (x) S', '(x) S 1 2 3', 'abc (x) ' + tail, '-4 (x) ' + tail, '12 (x)S ' + tail, '12 (x) SS 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22']) {
      assert.equal(parseProcStat(bad), null, bad);
    }
    assert.equal(parseProcStat('12 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 nope 20 21 22'), null, 'starttime not a number');
  });

  it('reads the fields it needs', () => {
    const stat = parseProcStat(`4242 (node) ${tail}\n`);
    assert.deepEqual(stat, {
      pid: 4242, comm: 'node', state: 'S', ppid: 100, pgrp: 200, session: 300, ttyNr: 34816, flags: 4194560,
      cpuTicks: 200, startTicks: 123456, rssPages: 2500, startStack: 0,
    });
  });

  it('reads where the stack starts (it moves with each exec), 0 when the line stops short', () => {
    assert.equal(parseProcStat(`5 (python3) ${full}`)?.startStack, 140730000000000);
    assert.equal(parseProcStat(`9 (kworker/0:1) I 2 0 0 0 -1 69238880 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0 0`)?.startStack, 0);
  });

  it('takes the name up to the LAST parenthesis: names may hold spaces and parentheses', () => {
    assert.equal(parseProcStat(`7 (my (weird) app) ${tail}`)?.comm, 'my (weird) app');
    assert.equal(parseProcStat(`7 (a) S 1 2 (b) ${tail}`)?.comm, 'a) S 1 2 (b');
    assert.equal(parseProcStat(`7 ()) ${tail}`)?.comm, ')');
    assert.equal(parseProcStat(`7 ( ) ${tail}`)?.ppid, 100);
  });

  it('tells kernel threads by PF_KTHREAD or by kthreadd', () => {
    assert.equal(isKernelThread(parseProcStat(`9 (kworker/0:1) I 2 0 0 0 -1 69238880 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0 0`)!), true);
    assert.equal(isKernelThread(parseProcStat(`9 (node) ${tail}`)!), false);
  });

  it('reads a real /proc/self/stat', async () => {
    const { readFileSync } = await import('node:fs');
    const stat = parseProcStat(readFileSync('/proc/self/stat', 'latin1'));
    assert.equal(stat?.pid, process.pid);
    assert.equal(stat?.ppid, process.ppid);
    assert.ok((stat?.rssPages ?? 0) > 0);
  });
});

describe('parseUptime', () => {
  it('reads seconds since boot with their hundredths, or says null', () => {
    assert.equal(parseUptime('18247.29 30459.75\n'), 18247.29);
    assert.equal(parseUptime('12 34\n'), 12);
    assert.equal(parseUptime(''), null);
    assert.equal(parseUptime('x 1\n'), null);
  });
});
