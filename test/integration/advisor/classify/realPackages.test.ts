import assert from 'node:assert/strict';
import path from 'node:path';
import { classifyProject } from '../../../../language-server/advisor/classify/classifyProject';
import type { ProjectType } from '../../../../language-server/advisor/classify/projectTypes';
import { scanProject } from '../../../../language-server/scanner/scan';
import { useTempDir } from '../../helpers/tempDir';
import { fetchPackages, unpack } from './packageCache';

/**
 * Real published packages, pinned. Some are apps shipped inside generator packages (create-vite's templates,
 * Nest's application schematic, Docusaurus' classic site): the folder is the app exactly as a user gets it.
 * No real browser extension is published to npm with its manifest.json (extension generators write it from
 * code), so that type is covered by the generated fixtures; generator-chrome-extension's template is here as a
 * real malformed manifest (it holds EJS tags).
 */
const CASES: ReadonlyArray<{ spec: string; folder?: string; type: ProjectType; evidence: RegExp }> = [
  { spec: 'lodash@4.17.21', type: 'library', evidence: /package\.json has "main": "lodash\.js"/ },
  { spec: 'zod@3.23.8', type: 'library', evidence: /package\.json has "exports"/ },
  { spec: 'cowsay@1.6.0', type: 'cli', evidence: /package\.json has "bin": \{"cowsay": \.\.\., "cowthink": \.\.\.\}/ },
  { spec: 'http-server@14.1.1', type: 'cli', evidence: /package\.json has "bin": \{"http-server": \.\.\.\}/ },
  { spec: 'create-vite@7.1.1', type: 'cli', evidence: /"bin": \{"create-vite"/ },
  { spec: 'create-vite@7.1.1', folder: 'template-react-ts', type: 'web-app', evidence: /depends on react-dom/ },
  { spec: 'create-vite@7.1.1', folder: 'template-vue-ts', type: 'web-app', evidence: /depends on vue/ },
  { spec: 'create-vite@7.1.1', folder: 'template-vanilla-ts', type: 'web-app', evidence: /index\.html exists and package\.json depends on vite/ },
  { spec: '@nestjs/schematics@11.1.0', folder: 'dist/lib/application/files/ts', type: 'api-service', evidence: /depends on @nestjs\/core, a server framework, and nothing renders a UI/ },
  { spec: 'expo-template-blank@54.0.0', type: 'mobile-app', evidence: /depends on react-native/ },
  { spec: '@vue/devtools@6.6.3', type: 'desktop-app', evidence: /depends on electron/ },
  { spec: 'create-docusaurus@3.8.1', folder: 'templates/classic', type: 'static-site', evidence: /depends on @docusaurus\/core/ },
  { spec: 'generator-chrome-extension@0.7.1', folder: 'app/templates', type: 'unknown', evidence: /^Not classified: manifest\.json is not valid JSON/ },
];

const fetched = fetchPackages([...new Set(CASES.map((c) => c.spec))]);

describe('advisor: classification of real published packages', () => {
  const tmp = useTempDir('real-packages');

  for (const { spec, folder, type, evidence } of CASES) {
    const got = fetched.get(spec);
    const title = `${spec}${folder ? ` (${folder}/)` : ''} is ${type === 'unknown' ? 'unknown, with the parse error' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`}`;
    if (!got || 'skipped' in got) {
      it(`${title} — skipped: ${got && 'skipped' in got ? got.skipped : 'not fetched'}`, function () {
        this.skip();
      });
      continue;
    }
    it(title, async () => {
      const root = await unpack(got.tarball, tmp());
      const dir = folder ? path.join(root, folder) : root;
      const project = (await scanProject(dir, tmp(), null))?.[0];
      assert.ok(project, `scanned ${dir}`);
      const c = await classifyProject(project);
      assert.equal(c.type, type, `evidence: ${c.evidence.join(' | ')}; alternatives: ${c.alternatives.map((a) => `${a.type} ${a.score}`).join(', ')}`);
      assert.ok(c.evidence.some((e) => evidence.test(e)), c.evidence.join('\n'));
      if (type !== 'unknown') assert.ok(c.confidence >= 0.5, `confidence ${c.confidence}`);
    });
  }

  it('this repository (engines.vscode, and a bin) is an editor extension, with the CLI as the alternative', async () => {
    const repo = path.resolve(__dirname, '..', '..', '..', '..');
    const project = (await scanProject(repo, path.dirname(repo), null))?.[0];
    assert.ok(project);
    const c = await classifyProject(project);
    assert.equal(c.type, 'editor-extension');
    assert.match(c.evidence[0] ?? '', /^package\.json has "engines": \{"vscode": "\^1\.\d+\.0"\}: VS Code loads it as an extension$/);
    assert.equal(c.alternatives[0]?.type, 'cli');
    assert.ok(!c.alternatives.some((a) => a.type === 'web-app'), 'lit in its webviews is hosted by the editor, not a web app');
  });
});
