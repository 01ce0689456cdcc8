import assert from 'node:assert/strict';
import path from 'node:path';
import { buildOnce, optimus } from '../helpers/cli';
import { writeTree } from '../helpers/files';
import { useTempDir } from '../helpers/tempDir';

describe('optimus: wrong usage of the project commands', function () {
  this.timeout(60000);
  before(buildOnce);
  const tmp = useTempDir('cli-usage');
  const env = () => ({ OPTIMUS_HOME: path.join(tmp(), 'home'), HOME: tmp() });

  it('exits 2 with a message that says what to type, and nothing on stdout', async () => {
    await writeTree(tmp(), { 'file.txt': 'x' });
    const cases: Array<[string[], RegExp]> = [
      [['start'], /`optimus start` needs PATH: type `optimus start PATH`/],
      [['stop'], /needs PATH: type `optimus stop PATH`/],
      [['restart'], /needs PATH: type `optimus restart PATH`/],
      [['start', tmp(), tmp()], /takes one argument, got 2/],
      [['start', path.join(tmp(), 'missing')], /No such folder: .*missing\. Type `optimus start PATH`/],
      [['stop', path.join(tmp(), 'file.txt')], /file\.txt is not a folder/],
      [['start', tmp(), '--nope'], /Unknown option '--nope'/],
      [['stop', tmp(), '--profile', 'dev'], /`optimus stop` does not take --profile/],
      [['audit', '--limit', '0'], /--limit must be a whole number from 1 to 10000/],
      [['runtime', '--batch'], /--batch only changes JSON output: use it together with --json/],
      [['runtime', 'extra'], /`optimus runtime` takes no arguments/],
      [['start', tmp(), '--profile', 'a/b'], /is not a profile name/],
    ];
    for (const [args, pattern] of cases) {
      const run = await optimus([...args, '--db', ':memory:'], env());
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '', args.join(' '));
      assert.match(run.stderr, pattern, args.join(' '));
    }
  });

  it('lists every command in --help', async () => {
    const help = await optimus(['--help']);
    for (const usage of ['runtime', 'start PATH', 'stop PATH', 'restart PATH', 'env PATH', 'audit']) assert.match(help.stdout, new RegExp(`optimus ${usage}`));
  });
});
