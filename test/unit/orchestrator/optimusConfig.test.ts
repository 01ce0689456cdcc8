import assert from 'node:assert/strict';
import path from 'node:path';
import { commandProblem, readOptimusConfig, validateOptimusConfig } from '../../../language-server/orchestrator/projectSettings';
import { useTrees } from './helpers';

describe('.optimus.json', () => {
  const tree = useTrees();

  describe('bad input first', () => {
    it('reports wrong types with what the key is for and what it should be, keeping the good keys', async () => {
      const text = '{\n  "start": 42,\n  "env": ["dev"],\n  "deploy": "fly deploy",\n  "keepRunning": "yes"\n}\n';
      const dir = await tree({ '.optimus.json': text });
      const { config, findings } = await readOptimusConfig(dir);
      assert.deepEqual(config, { deploy: 'fly deploy' });
      assert.deepEqual(findings.map((f) => [f.code, f.line, f.message]), [
        ['config/wrong-type', 2, '.optimus.json: "start" (the command line that starts the project) should be a string, but is a number'],
        ['config/wrong-type', 3, '.optimus.json: "env" (the .env profile to use) should be a string, but is a list'],
        ['config/wrong-type', 5, '.optimus.json: "keepRunning" (whether to keep the project running) should be true or false, but is a string'],
      ]);
      assert.ok(findings.every((f) => f.file === path.join(dir, '.optimus.json') && f.severity === 'warning'));
    });

    it('reports unknown keys, suggesting the near one', () => {
      const { config, findings } = validateOptimusConfig({ strat: 'npm start', port: 3000, $schema: './schema.json', start: 'npm run dev' }, '/p/.optimus.json');
      assert.deepEqual(config, { start: 'npm run dev' });
      assert.deepEqual(findings.map((f) => [f.code, f.message]), [
        ['config/unknown-key', '.optimus.json: "strat" is not a known setting (did you mean "start"?); the known ones are start, env, deploy, keepRunning'],
        ['config/unknown-key', '.optimus.json: "port" is not a known setting; the known ones are start, env, deploy, keepRunning'],
      ]);
    });

    it('reports a value of the right type that cannot be used', () => {
      const { config, findings } = validateOptimusConfig({ start: '  ', env: '../prod', deploy: 'fly deploy\nrm -rf /' }, 'f');
      assert.deepEqual(config, {});
      assert.deepEqual(findings.map((f) => f.message.replace(/^.*?\) /, '')), [
        'is empty',
        '"../prod" is not a profile name: use letters, digits, "-" and "_" (up to 40), like development, production, test, staging',
        'must be one line (use && or a script to run several commands)',
      ]);
    });

    it('reports a file that is not JSON, not an object, binary, a folder or too big', async () => {
      const cases: [string | Buffer | { folder: true }, RegExp][] = [
        ['{ "start": "npm run dev", ', /^\.optimus\.json is not valid JSON/],
        ['"npm run dev"', /should hold an object like \{ "start": "npm run dev" \}, but holds a string/],
        ['null', /but holds null/],
        [Buffer.from([0x7b, 0, 0x7d]), /binary data/],
        [{ folder: true }, /is a folder/],
        ['{}' + ' '.repeat(70 * 1024), /over the 64 KB limit for a settings file/],
      ];
      for (const [content, message] of cases) {
        const { config, findings } = await readOptimusConfig(await tree({ '.optimus.json': content }));
        assert.deepEqual(config, {});
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? '', message);
        assert.match(findings[0]?.code ?? '', /^config\//);
      }
    });
  });

  it('is optional: no file, no findings', async () => {
    assert.deepEqual(await readOptimusConfig(await tree({})), { config: {}, findings: [] });
  });

  it('reads every known key, with comments allowed, trimming commands', async () => {
    const text = '{\n  // how we run it\n  "start": "  npm run dev -- --port 4000 ",\n  "env": "staging",\n  "deploy": "fly deploy",\n  "keepRunning": true\n}\n';
    const { config, findings } = await readOptimusConfig(await tree({ '.optimus.json': text }));
    assert.deepEqual(findings, []);
    assert.deepEqual(config, { start: 'npm run dev -- --port 4000', env: 'staging', deploy: 'fly deploy', keepRunning: true });
  });

  it('checks command lines', () => {
    assert.equal(commandProblem('npm run dev'), undefined);
    assert.equal(commandProblem('a\0b'), 'must be one line (use && or a script to run several commands)');
    assert.match(commandProblem('x'.repeat(5000)) ?? '', /5000 characters long, over the 4096 limit/);
  });
});
