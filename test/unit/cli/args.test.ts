import assert from 'node:assert/strict';
import { GLOBAL_OPTIONS, parseCliArgs } from '../../../language-server/cli/args';
import { helpText } from '../../../language-server/cli/help';
import { COMMANDS } from '../../../language-server/cli/registry';
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

  it('parses the project commands into their own arguments', () => {
    assert.deepEqual(parseCliArgs(['start', 'web', '--profile', 'staging']), { command: 'start', json: false, batch: false, db: undefined, path: 'web', profile: 'staging' });
    assert.deepEqual(parseCliArgs(['stop', '--json', '/p']), { command: 'stop', json: true, batch: false, db: undefined, path: '/p' });
    assert.deepEqual(parseCliArgs(['audit', '--limit', '5']), { command: 'audit', json: false, batch: false, db: undefined, limit: 5 });
    assert.deepEqual(parseCliArgs(['runtime', '--all', '--json', '--batch']), { command: 'runtime', json: true, batch: true, db: undefined, all: true });
  });

  it('says what to type for a missing PATH, an option of another command, a value out of range', () => {
    usage(['start'], /`optimus start` needs PATH: type `optimus start PATH`/);
    usage(['env', 'a', 'b'], /takes one argument, got 2/);
    usage(['stop', '/p', '--profile', 'x'], /`optimus stop` does not take --profile/);
    usage(['list', '--max-depth', '2'], /does not take --max-depth/);
    usage(['audit', '--limit', '10001'], /--limit must be a whole number from 1 to 10000/);
    usage(['start', '/p', '--profile', 'local'], /part of a \.env file name/);
  });

  it('gives each option one type across commands, so the shared parse cannot mistake a value for a command', () => {
    const types = new Map<string, string>(Object.entries(GLOBAL_OPTIONS).map(([name, spec]) => [name, spec.type]));
    for (const command of COMMANDS) {
      for (const [name, spec] of Object.entries(command.options)) {
        assert.equal(types.get(name) ?? spec.type, spec.type, `--${name} of ${command.name}`);
        types.set(name, spec.type);
      }
    }
  });

  it('lists every command and its options in the help', () => {
    const help = helpText();
    for (const command of COMMANDS) {
      assert.ok(help.includes(`optimus ${command.usage}`), command.name);
      for (const option of Object.keys(command.options)) assert.ok(help.includes(`--${option}`), `${command.name} --${option}`);
    }
  });
});
