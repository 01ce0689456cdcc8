import assert from 'node:assert/strict';
import { chooseDeployCommand } from '../../../language-server/orchestrator/deploy/deployCommand';
import type { DeployTarget } from '../../../language-server/orchestrator/deploy/types';

const target = (kind: DeployTarget['kind'], suggestedCommand?: string): DeployTarget => ({ kind, file: `/p/${kind}`, label: kind, notes: [], ...(suggestedCommand ? { suggestedCommand } : {}) });

describe('deploy command: which one runs', () => {
  describe('bad input first', () => {
    it('ignores a configured command that is blank or not one line, and uses detection', () => {
      const fly = target('fly', 'fly deploy');
      for (const command of ['', '   ', 'fly deploy\nrm -rf ~', 'a\0b']) {
        assert.deepEqual(chooseDeployCommand([fly], { command, source: 'settings' }), { command: 'fly deploy', source: 'detected', target: fly });
      }
    });

    it('says so when nothing is configured and no target has a command', () => {
      assert.deepEqual(chooseDeployCommand([]), { command: null, source: 'none', target: null });
      assert.deepEqual(chooseDeployCommand([target('procfile'), target('render')], null), { command: null, source: 'none', target: null });
    });
  });

  it('a configured command wins over every target, trimmed; the target running the same command is named', () => {
    const fly = target('fly', 'fly deploy');
    const compose = target('compose', 'docker compose up -d --build');
    assert.deepEqual(chooseDeployCommand([fly, compose], { command: '  make deploy ', source: '.optimus.json' }), { command: 'make deploy', source: '.optimus.json', target: null });
    assert.deepEqual(chooseDeployCommand([fly, compose], { command: 'docker compose up -d --build', source: 'settings' }), { command: 'docker compose up -d --build', source: 'settings', target: compose });
  });

  it('else the first target that has a command, skipping push-to-deploy ones', () => {
    const wf = target('github-actions', 'gh workflow run deploy.yml');
    assert.deepEqual(chooseDeployCommand([target('render'), wf, target('dockerfile', 'docker build -t app .')]), { command: 'gh workflow run deploy.yml', source: 'detected', target: wf });
  });
});
