import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PANELS } from '../../../extension/webviews/panelKinds';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { commands: { command: string }[] };
};

describe('webview panels in the manifest', () => {
  for (const [name, panel] of Object.entries(PANELS)) {
    it(`${name}: VS Code activates Optimus to restore it after a reload`, () => {
      assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${panel.viewType}`), `no onWebviewPanel:${panel.viewType}`);
    });
    it(`${name}: its command is contributed (so the palette shows it)`, () => {
      assert.ok(manifest.contributes.commands.some((c) => c.command === panel.command), `no command ${panel.command}`);
    });
  }
});
