import assert from 'node:assert/strict';
import { parseCliArgs } from '../../../language-server/cli/args';
import { UsageError } from '../../../language-server/cli/usage';

const usage = (argv: string[], pattern: RegExp) => assert.throws(() => parseCliArgs(argv), (e: unknown) => e instanceof UsageError && pattern.test(e.message));

describe('CLI arguments', () => {
  it('parses scan with roots and the global options in any order', () => {
    const args = parseCliArgs(['--json', 'scan', '/a', '--db', '/tmp/x.sqlite', '/b', '--ignore', '**/old', '--ignore', 'tmp', '--max-depth', '2']);
    assert.deepEqual(args, { command: 'scan', roots: ['/a', '/b'], json: true, batch: false, db: '/tmp/x.sqlite', ignore: ['**/old', 'tmp'], maxDepth: 2 });
  });

  it('explains each kind of bad usage', () => {
    usage([], /No command given/);
    usage(['frobnicate'], /Unknown command "frobnicate"/);
    usage(['scan', '--colour'], /Unknown option '--colour'/);
    usage(['scan', '--max-depth', 'deep'], /--max-depth must be a whole number/);
    usage(['scan', '--batch'], /--batch only changes JSON output/);
    usage(['list', '/a'], /takes no folders/);
    usage(['scan', '--db'], /--db/);
    usage(['scan', '--db', ''], /--db needs a file path/);
  });

  it('lets --help and --version win over everything else', () => {
    assert.equal(parseCliArgs(['scan', '--help']).command, 'help');
    assert.equal(parseCliArgs(['-v']).command, 'version');
  });
});
