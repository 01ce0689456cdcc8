// The extension inside a real VS Code (code-server), against the fixture portfolio test/e2e/fixtures.mjs wrote.
// Runs in the extension host; run.mjs starts it through `extensionTestsPath`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import type { Project } from '../../../language-server/model';
import { activate, eventually, EXTENSION_ID, type ExpectedProject, nodeFor, type OptimusApi, readExpected, report, within } from './helpers';

const expected = readExpected();

describe('Optimus in a real VS Code', () => {
  let api: OptimusApi;

  it('activates and returns its API', async () => {
    const started = Date.now();
    api = await within(activate(), 30_000, `activation of ${EXTENSION_ID}`);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'extension is active');
    for (const member of ['whenReady', 'projects', 'projectNodes'] as const) {
      assert.equal(typeof api?.[member], 'function', `the API returned by activate() has ${member}()`);
    }
    report(`      (activated in ${Date.now() - started} ms)`);
  });

  describe('once active', () => {
    before(() => {
      if (!api) throw new Error('the extension did not activate (see the failure above): skipping the tests that need its API');
    });

    it('starts its server and lists the fixture projects with their stacks and branches', async () => {
      const started = Date.now();
      await within(api.whenReady(), 30_000, 'whenReady() (the server answering its first project list)');
      report(`      (ready after ${Date.now() - started} ms)`);
      await eventually(() => assertProjects(api.projects(), expected.projects), 20_000);
      report(`      (fixtures listed with complete git state after ${Date.now() - started} ms)`);
    });

    it('copies a project path to the clipboard with optimus.copyPath', async () => {
      const target = expected.projects[0]!;
      const node = nodeFor(await api.projectNodes(), target.path);
      await vscode.env.clipboard.writeText('');
      await vscode.commands.executeCommand('optimus.copyPath', node);
      await eventually(async () => assert.equal(await vscode.env.clipboard.readText(), target.path), 5_000);
    });

    it('creates an API token kept in SecretStorage, and revokes it (optimus.api.createToken / revokeToken)', async () => {
      const created = (await vscode.commands.executeCommand('optimus.api.createToken', { scope: 'read', name: 'e2e' })) as { id: string; scope: string; kept: boolean } | undefined;
      assert.ok(created, 'the command answered the token it made');
      assert.match(created.id, /^\S+$/);
      assert.equal(created.scope, 'read');
      assert.equal(created.kept, true, 'the value is in VS Code secret storage');
      assert.equal(await vscode.commands.executeCommand('optimus.api.revokeToken', { id: created.id }), true);
      assert.equal(await vscode.commands.executeCommand('optimus.api.revokeToken', { id: created.id }), false, 'a revoked token is not revoked twice');
    });

    it('rescans with optimus.rescan and still lists the same projects', async () => {
      await within(Promise.resolve(vscode.commands.executeCommand('optimus.rescan')), 30_000, 'optimus.rescan');
      await eventually(() => assertProjects(api.projects(), expected.projects), 20_000);
    });

    describe('without any rescan (file watching)', () => {
      const late = expected.lateProject;
      const dir = path.join(expected.root, late.name);

      it('lists a project folder created under a root', async () => {
        const started = Date.now();
        for (const [rel, content] of Object.entries(late.files)) {
          await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
          await fs.writeFile(path.join(dir, rel), content);
        }
        await eventually(() => {
          const found = api.projects().find((p) => p.path === dir);
          assert.ok(found, `${late.name} is listed; listed: ${summary(api.projects())}`);
          assert.equal(found.name, late.name);
        }, 10_000);
        report(`      (listed ${Date.now() - started} ms after its package.json was written)`);
      });

      it('drops a project folder deleted from a root', async () => {
        const started = Date.now();
        await fs.rm(dir, { recursive: true, force: true });
        await eventually(() => {
          assert.ok(!api.projects().some((p) => p.path === dir), `${late.name} is gone; listed: ${summary(api.projects())}`);
        }, 10_000);
        report(`      (dropped ${Date.now() - started} ms after its folder was deleted)`);
      });
    });

    it('shows the audit log with optimus.showAuditLog, with the rows the server recorded', async () => {
      await vscode.commands.executeCommand('optimus.showAuditLog');
      await eventually(() => {
        const doc = vscode.window.activeTextEditor?.document;
        assert.equal(doc?.uri.scheme, 'optimus-audit', 'the audit log document is the active editor');
        assert.match(doc.getText(), /^(Nothing audited yet|Optimus audit log — the latest \d+ action)/);
      }, 10_000);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('shows a secret in an open file as a problem, and its quick fix moves it to .env', async () => {
      const project = expected.projects.find((p) => p.branch === null)!.path; // not a repository: no git state to disturb
      const file = path.join(project, 'billing.js');
      const key = ['sk', 'live', '51Hq8ZyLmN3pQ7rT9vW2xY4zA6bC8dE0fG'].join('_'); // assembled, so this file holds no key
      await fs.writeFile(file, `const stripe = require('stripe')('${key}');\nmodule.exports = { stripe };\n`);
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc);
      const diagnostic = await eventually(() => {
        const found = vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'optimus' && String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('secret/'));
        assert.ok(found, 'the secret is a problem in the Problems panel');
        return found;
      }, 20_000);
      const code = diagnostic.code as { value: string | number; target: vscode.Uri };
      const page = await vscode.workspace.openTextDocument(code.target);
      assert.match(page.getText(), /^# /, `the rule id links to a page explaining it (${code.target.toString()})`);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
      const move = actions.find((a) => a.title === 'Move this secret to .env');
      assert.ok(move?.command, `the quick fix is offered among: ${actions.map((a) => a.title).join(' | ')}`);
      await vscode.commands.executeCommand(move.command.command, ...(move.command.arguments ?? []));
      await eventually(() => assert.match(doc.getText(), /process\.env\.STRIPE_\w+/), 10_000);
      await doc.save();
      const env = await fs.readFile(path.join(project, '.env'), 'utf8');
      assert.ok(env.includes(key), 'the key moved to .env');
      assert.ok(!(await fs.readFile(file, 'utf8')).includes(key), 'and left the code');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('diagnoses an error selected in an editor and marks the first frame of the user code as a problem at its line', async () => {
      const project = expected.projects.find((p) => p.branch === null)!.path;
      const source = path.join(project, 'report.js');
      await fs.writeFile(source, 'module.exports = (order) => order.customer.name;\n');
      const log = path.join(project, 'crash.log');
      await fs.writeFile(log, `TypeError: Cannot read properties of undefined (reading 'name')\n    at module.exports (${source}:1:44)\n    at Layer.handle (${project}/node_modules/express/lib/router/layer.js:95:5)\n`);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(log));
      editor.selection = new vscode.Selection(0, 0, editor.document.lineCount, 0);
      // Not awaited: the command ends when its notification is answered, which no one does here.
      void vscode.commands.executeCommand('optimus.diagnoseError');
      const problem = await eventually(() => {
        const found = vscode.languages.getDiagnostics(vscode.Uri.file(source)).find((d) => d.source === 'optimus' && d.code === 'undefined-property-access');
        assert.ok(found, 'the user frame is a problem in the Problems panel');
        return found;
      }, 20_000);
      assert.deepEqual([problem.range.start.line, problem.range.start.character], [0, 43], 'at the frame\'s line and column');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('recovers when its language server dies: a new server starts and the tree shows its list', async () => {
      const before = serverPids();
      assert.equal(before.length, 1, `one language server runs under the extension host (found ${before.join(', ') || 'none'})`);
      process.kill(before[0]!, 'SIGKILL');
      // Made while no server watches: only a fresh server's walk can find it.
      const dir = path.join(expected.root, 'after-crash');
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, 'Cargo.toml'), '[package]\nname = "after-crash"\nversion = "0.1.0"\n');
      const started = Date.now();
      try {
        await eventually(() => {
          const now = serverPids();
          assert.ok(now.length === 1 && now[0] !== before[0], `a new server runs (was ${before[0]}, now ${now.join(', ') || 'none'})`);
          assert.ok(api.projects().some((p) => p.path === dir), `the new server's list reached the tree; listed: ${summary(api.projects())}`);
        }, 30_000, 200);
        assertProjects(api.projects(), expected.projects);
        report(`      (recovered ${Date.now() - started} ms after the server was killed)`);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });
  });
});

/** Every expected project is listed once, with its name, stack and complete git state. */
function assertProjects(projects: Project[], wanted: ExpectedProject[]): void {
  const listed = summary(projects);
  for (const want of wanted) {
    const matches = projects.filter((p) => p.path === want.path);
    assert.equal(matches.length, 1, `${want.name} (${want.path}) is listed once; listed: ${listed}`);
    const project = matches[0]!;
    assert.equal(project.name, want.name, `name of ${want.path}`);
    for (const language of want.languages) {
      assert.ok(project.stack.languages.includes(language), `${want.name} has language ${language}; listed: ${listed}`);
    }
    for (const framework of want.frameworks) {
      assert.ok(project.stack.frameworks.includes(framework), `${want.name} has framework ${framework}; listed: ${listed}`);
    }
    if (want.branch === null) {
      assert.equal(project.git, null, `${want.name} is not a git repository`);
      continue;
    }
    assert.ok(project.git, `${want.name} has git state`);
    assert.equal(project.git.branch, want.branch, `branch of ${want.name}`);
    assert.ok(project.git.complete, `git state of ${want.name} is complete`);
    assert.equal(project.git.dirty, want.dirty, `${want.name} is ${want.dirty ? 'dirty' : 'clean'}`);
  }
}

/** The language server is a node child of this extension host running dist/server.js. */
function serverPids(): number[] {
  try {
    const out = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'dist/server.js'], { encoding: 'utf8' });
    return out.trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

const summary = (projects: Project[]): string => projects
  .map((p) => `${p.name}@${p.git?.branch ?? '-'}${p.git?.dirty ? '*' : ''}[${[...p.stack.languages, ...p.stack.frameworks].join(',')}]`)
  .join(' ') || '(none)';
