import assert from 'node:assert/strict';
import path from 'node:path';
import { workflowTargets } from '../../../language-server/orchestrator/deploy/workflows';
import { useTrees } from './helpers';

const job = (steps: string): string => `    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('deploy targets: GitHub Actions workflows', () => {
  const tree = useTrees();
  const workflows = async (files: Record<string, string>) => workflowTargets(await tree(Object.fromEntries(Object.entries(files).map(([n, t]) => [`.github/workflows/${n}`, t]))));

  it('ignores workflows that only build and test, including steps that "publish" test results or coverage', async () => {
    const ci = `name: CI\non: [push, pull_request]\njobs:\n  test:\n${job('      - uses: actions/checkout@v4\n      - run: npm test\n      - name: Publish test results\n        uses: dorny/test-reporter@v1\n      - name: Publish coverage report\n        uses: codecov/codecov-action@v4\n      - name: Build release binary\n        run: cargo build --release\n')}`;
    assert.deepEqual(await workflows({ 'ci.yml': ci }), []);
  });

  it('a manual deploy workflow can be run with `gh workflow run FILE`; the jobs that deploy are noted', async () => {
    const text = `name: Deploy\non:\n  workflow_dispatch:\n  push:\n    branches: [main]\njobs:\n  test:\n${job('      - run: npm test\n')}\n  ship:\n    needs: test\n    environment: production\n${job('      - uses: superfly/flyctl-actions/setup-flyctl@master\n      - run: flyctl deploy --remote-only\n')}`;
    const [t, ...rest] = await workflows({ 'deploy.yml': text });
    assert.equal(rest.length, 0);
    assert.equal(t?.kind, 'github-actions');
    assert.equal(t?.label, 'GitHub Actions: Deploy (.github/workflows/deploy.yml)');
    assert.equal(t?.suggestedCommand, 'gh workflow run deploy.yml');
    assert.deepEqual(t?.notes, [
      'Triggered by workflow_dispatch, push (main)',
      'job "ship" is named like a deployment',
      'job "ship" runs in environment "production"',
      'job "ship": step uses superfly/flyctl-actions/setup-flyctl@master',
      'job "ship": step runs `flyctl deploy`',
      '`gh workflow run` runs it on the default branch; add --ref BRANCH for another',
    ]);
  });

  it('a deploy workflow triggered only by pushes is noted without a command', async () => {
    const [t] = await workflows({ 'pages.yaml': `on:\n  push:\n    branches: [main, release/*]\njobs:\n  deploy:\n${job('      - uses: actions/deploy-pages@v4\n')}` });
    assert.equal(t?.suggestedCommand, undefined);
    assert.deepEqual(t?.notes, ['Triggered by push (main, release/*)', 'job "deploy" is named like a deployment', 'job "deploy": step uses actions/deploy-pages@v4']);
  });

  it('`on` as a string or a list, inputs the run will ask for, and a reusable deploy workflow', async () => {
    const targets = await workflows({
      'a.yml': `on: workflow_dispatch\njobs:\n  publish:\n${job('      - run: npm publish --access public\n')}`,
      'b.yml': 'on:\n  workflow_dispatch:\n    inputs:\n      environment:\n        required: true\n        type: choice\n        options: [staging, production]\n      dry_run:\n        type: boolean\njobs:\n  go:\n    uses: ./.github/workflows/deploy-reusable.yml\n    with:\n      env: ${{ inputs.environment }}\n',
    });
    assert.deepEqual(targets.map((t) => [path.basename(t.file), t.suggestedCommand]), [['a.yml', 'gh workflow run a.yml'], ['b.yml', 'gh workflow run b.yml']]);
    assert.ok(targets[1]?.notes.includes('job "go" calls ./.github/workflows/deploy-reusable.yml'));
    assert.ok(targets[1]?.notes.includes('asks for inputs: environment (required), dry_run'));
  });

  it('shell commands that ship something count, wherever they are in a multi-line run', async () => {
    const [t] = await workflows({ 'x.yml': `on: push\njobs:\n  build:\n${job('      - run: |\n          npm ci\n          npx vercel deploy --prod --token=$TOKEN\n')}` });
    assert.deepEqual(t?.notes.slice(1), ['job "build": step runs `vercel deploy --prod`']);
  });

  it('puts manual workflows first, then the rest by file name; skips files that are not YAML', async () => {
    const deploy = (on: string) => `on: ${on}\njobs:\n  deploy:\n${job('      - run: echo\n')}`;
    const targets = await workflows({ 'a.yml': deploy('push'), 'b.yml': deploy('workflow_dispatch'), 'c.yaml': deploy('push'), 'README.md': '# hi', 'd.yml.bak': deploy('push') });
    assert.deepEqual(targets.map((t) => path.basename(t.file)), ['b.yml', 'a.yml', 'c.yaml']);
  });

  it('has no targets without a workflows folder', async () => {
    assert.deepEqual(await workflowTargets(await tree({ '.github/CODEOWNERS': '* @me' })), []);
  });
});
