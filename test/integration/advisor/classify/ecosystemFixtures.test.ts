import assert from 'node:assert/strict';
import { classifyProject } from '../../../../language-server/advisor/classify/classifyProject';
import type { ProjectType } from '../../../../language-server/advisor/classify/projectTypes';
import { json, scanFixture } from '../../../unit/advisor/classify/scanFixture';
import { useTempDir } from '../../helpers/tempDir';

const NOTEBOOK = json({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 });
const CARGO = (name: string, deps: string, extra = ''): string => `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${extra}\n[dependencies]\n${deps}\n`;

/** Projects of the other ecosystems as their own tools lay them out, read by the real scanner. */
const FIXTURES: ReadonlyArray<{ name: string; files: Record<string, string>; type: ProjectType; evidence: RegExp }> = [
  { name: 'flask-api', type: 'api-service', evidence: /requirements\.txt depends on flask, a server framework, and nothing renders a UI/, files: { 'requirements.txt': 'flask==3.0.3\ngunicorn==22.0.0\n', 'app.py': 'from flask import Flask\n' } },
  { name: 'flask-site', type: 'web-app', evidence: /depends on flask, a server framework, and the project also has a front end/, files: { 'requirements.txt': 'Flask>=3\n', 'app.py': '', 'templates/index.html': '<h1>hi</h1>' } },
  { name: 'fastapi-svc', type: 'api-service', evidence: /pyproject\.toml depends on fastapi/, files: { 'pyproject.toml': '[project]\nname = "svc"\nversion = "0.1.0"\ndependencies = ["fastapi>=0.110", "uvicorn[standard]"]\n', 'main.py': '' } },
  { name: 'django-site', type: 'web-app', evidence: /depends on django: Django renders pages/, files: { 'requirements.txt': 'Django==5.0.6\n', 'manage.py': '', 'templates/base.html': '' } },
  { name: 'django-rest', type: 'api-service', evidence: /depends on djangorestframework, a server framework/, files: { 'requirements.txt': 'Django==5.0.6\ndjangorestframework==3.15.1\n', 'manage.py': '' } },
  { name: 'py-cli', type: 'cli', evidence: /pyproject\.toml declares scripts \(pycli\)/, files: { 'pyproject.toml': '[project]\nname = "pycli"\nversion = "1.0.0"\ndependencies = ["click>=8"]\n[project.scripts]\npycli = "pycli.main:run"\n' } },
  { name: 'py-lib', type: 'library', evidence: /pyproject\.toml names the package "pylib"/, files: { 'pyproject.toml': '[project]\nname = "pylib"\nversion = "1.0.0"\ndependencies = ["attrs"]\n', 'src/pylib/__init__.py': '' } },
  { name: 'rust-bin', type: 'cli', evidence: /src\/main\.rs exists: the crate builds a binary/, files: { 'Cargo.toml': CARGO('rbin', 'clap = { version = "4", features = ["derive"] }'), 'src/main.rs': 'fn main() {}\n' } },
  { name: 'rust-lib', type: 'library', evidence: /src\/lib\.rs exists: the crate is a library/, files: { 'Cargo.toml': CARGO('rlib', 'serde = "1"'), 'src/lib.rs': 'pub fn f() {}\n' } },
  { name: 'rust-axum', type: 'api-service', evidence: /Cargo\.toml depends on axum/, files: { 'Cargo.toml': CARGO('rapi', 'axum = "0.7"\ntokio = { version = "1", features = ["full"] }'), 'src/main.rs': '' } },
  { name: 'rust-bevy', type: 'game', evidence: /Cargo\.toml depends on bevy: a game engine/, files: { 'Cargo.toml': CARGO('rgame', 'bevy = "0.14"'), 'src/main.rs': '' } },
  { name: 'go-cli', type: 'cli', evidence: /depends on github\.com\/spf13\/cobra/, files: { 'go.mod': 'module example.com/gocli\n\ngo 1.22\n\nrequire github.com/spf13/cobra v1.8.0\n', 'main.go': 'package main\n' } },
  { name: 'go-gin', type: 'api-service', evidence: /go\.mod depends on github\.com\/gin-gonic\/gin, a server framework/, files: { 'go.mod': 'module example.com/api\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n', 'main.go': 'package main\n' } },
  { name: 'go-lib', type: 'library', evidence: /go\.mod without main\.go or cmd\//, files: { 'go.mod': 'module example.com/golib\n\ngo 1.22\n', 'lib.go': 'package golib\n' } },
  { name: 'flutter-app', type: 'mobile-app', evidence: /pubspec\.yaml depends on the Flutter SDK and android\/, ios\/ exist/, files: { 'pubspec.yaml': 'name: app\nenvironment:\n  sdk: ">=3.0.0 <4.0.0"\ndependencies:\n  flutter:\n    sdk: flutter\n', 'lib/main.dart': '', 'android/build.gradle': '', 'ios/Runner/Info.plist': '' } },
  { name: 'flutter-game', type: 'game', evidence: /pubspec\.yaml depends on flame/, files: { 'pubspec.yaml': 'name: g\ndependencies:\n  flutter:\n    sdk: flutter\n  flame: ^1.18.0\n', 'lib/main.dart': '' } },
  { name: 'dart-cli', type: 'cli', evidence: /pubspec\.yaml and bin\/ exist/, files: { 'pubspec.yaml': 'name: tool\nenvironment:\n  sdk: ">=3.0.0 <4.0.0"\ndependencies:\n  args: ^2.4.0\n', 'bin/tool.dart': 'void main() {}\n' } },
  { name: 'godot-game', type: 'game', evidence: /^project\.godot exists: a Godot project$/, files: { 'project.godot': 'config_version=5\n[application]\nconfig/name="Game"\n', '.git/HEAD': 'ref: refs/heads/main\n' } },
  { name: 'unity-game', type: 'game', evidence: /ProjectSettings\/ProjectVersion\.txt exists: a Unity project/, files: { 'ProjectSettings/ProjectVersion.txt': 'm_EditorVersion: 2022.3.1f1\n', 'Assets/Scenes/Main.unity': '', '.git/HEAD': 'ref: refs/heads/main\n' } },
  { name: 'pygame-game', type: 'game', evidence: /requirements\.txt depends on pygame/, files: { 'requirements.txt': 'pygame==2.5.2\n', 'main.py': '' } },
  { name: 'phaser-game', type: 'game', evidence: /package\.json depends on phaser/, files: { 'package.json': json({ name: 'g', private: true, dependencies: { phaser: '^3.80.0' }, devDependencies: { vite: '^5.0.0' } }), 'index.html': '' } },
  { name: 'notebooks', type: 'data-ml', evidence: /is a Jupyter notebook|depends on scikit-learn/, files: { 'requirements.txt': 'pandas\nscikit-learn\nmatplotlib\n', 'notebooks/explore.ipynb': NOTEBOOK, 'notebooks/train.ipynb': NOTEBOOK, 'notebooks/report.ipynb': NOTEBOOK } },
  { name: 'streamlit-app', type: 'data-ml', evidence: /depends on streamlit: a data app framework/, files: { 'requirements.txt': 'streamlit\npandas\n', 'app.py': '' } },
  { name: 'mv3-extension', type: 'browser-extension', evidence: /^manifest\.json has "manifest_version": 3 and "background", "content_scripts", "action"/, files: { 'manifest.json': json({ manifest_version: 3, name: 'Tabs', version: '1.0', background: { service_worker: 'bg.js' }, content_scripts: [{ matches: ['<all_urls>'], js: ['c.js'] }], action: { default_popup: 'popup.html' } }), 'package.json': json({ name: 'tabs', private: true, devDependencies: { '@types/chrome': '^0.0.268' } }) } },
  { name: 'electron-app', type: 'desktop-app', evidence: /package\.json depends on electron: an Electron app/, files: { 'package.json': json({ name: 'notes', private: true, main: 'main.js', devDependencies: { electron: '^31.0.0', 'electron-builder': '^24.0.0' }, dependencies: { react: '^18.0.0' } }) } },
  { name: 'tauri-app', type: 'desktop-app', evidence: /src-tauri exists|depends on @tauri-apps/, files: { 'package.json': json({ name: 't', private: true, dependencies: { '@tauri-apps/api': '^2.0.0', svelte: '^4.0.0' } }), 'src-tauri/Cargo.toml': CARGO('t', 'tauri = "2"'), 'src-tauri/tauri.conf.json': '{}', 'index.html': '' } },
  { name: 'vscode-ext', type: 'editor-extension', evidence: /package\.json has "engines": \{"vscode": "\^1\.90\.0"\}/, files: { 'package.json': json({ name: 'ext', publisher: 'me', version: '0.0.1', engines: { vscode: '^1.90.0' }, main: './out/extension.js', contributes: { commands: [] } }) } },
  { name: 'hugo-site', type: 'static-site', evidence: /hugo\.toml exists/, files: { 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/_index.md': '', '.git/HEAD': 'ref: refs/heads/main\n' } },
  { name: 'jekyll-site', type: 'static-site', evidence: /Gemfile depends on jekyll|_config\.yml with _posts\//, files: { Gemfile: 'source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n', '_config.yml': 'title: Blog\n', '_posts/2024-01-01-hello.md': '' } },
  { name: 'mkdocs-site', type: 'static-site', evidence: /mkdocs\.yml exists|depends on mkdocs/, files: { 'mkdocs.yml': 'site_name: Docs\n', 'requirements.txt': 'mkdocs-material\n', 'docs/index.md': '# Docs' } },
  { name: 'astro-site', type: 'static-site', evidence: /depends on astro/, files: { 'package.json': json({ name: 's', private: true, dependencies: { astro: '^4.0.0' } }), 'src/pages/index.astro': '' } },
  { name: 'next-app', type: 'web-app', evidence: /depends on next: a full-stack web framework/, files: { 'package.json': json({ name: 'n', private: true, dependencies: { next: '^14.0.0', react: '^18.0.0', 'react-dom': '^18.0.0' } }), 'app/page.tsx': '' } },
  { name: 'plain-html', type: 'static-site', evidence: /index\.html exists and there is no build manifest/, files: { 'index.html': '<h1>Me</h1>', 'style.css': '', '.git/HEAD': 'ref: refs/heads/main\n' } },
];

describe('advisor: classification of generated projects in other ecosystems', () => {
  const tmp = useTempDir('classify-eco');

  for (const { name, files, type, evidence } of FIXTURES) {
    it(`${name} is ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`, async () => {
      const c = await classifyProject(await scanFixture(tmp(), name, files));
      assert.equal(c.type, type, `evidence: ${c.evidence.join(' | ')}; alternatives: ${c.alternatives.map((a) => `${a.type} ${a.score} (${a.evidence.join('; ')})`).join(', ')}; notes: ${c.notes.join(' | ')}`);
      assert.ok(c.evidence.some((e) => evidence.test(e)), c.evidence.join('\n'));
      assert.ok(c.confidence > 0.3, `confidence ${c.confidence}`);
    });
  }
});
