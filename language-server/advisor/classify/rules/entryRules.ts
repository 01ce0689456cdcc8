import { at, isRecord } from '../../../scanner/ecosystems/values';
import type { ClassifyFacts } from '../classifyFacts';
import { hasField } from '../evidenceText';
import { depRule, fileRule, hasFrontEnd, isEditorExtension } from '../rule';
import type { Rule } from '../rule';
import { serverDependency } from './webRules';

export const ENTRY_RULES: readonly Rule[] = [
  { id: 'npm-bin', type: 'cli', weight: 0.85, test: (f) => (pkg(f)?.bin !== undefined ? `${hasField('package.json', 'bin', pkg(f)?.bin)}: it installs a command` : null) },
  depRule('npm-cli-parser', 'cli', 0.4, 'npm', ['commander', 'yargs', 'meow', 'cac', '@oclif/core', 'clipanion', 'citty', 'ink'], 'runtime', 'a command-line parser'),
  { id: 'python-scripts', type: 'cli', weight: 0.85, test: pythonScripts },
  { id: 'setup-entry-points', type: 'cli', weight: 0.8, test: (f) => (/console_scripts/.test(f.texts.get('setup.py') ?? '') ? 'setup.py declares console_scripts entry points: it installs a command' : null) },
  fileRule('python-main', 'cli', 0.5, ['__main__.py', 'src/__main__.py'], 'it runs with `python -m`'),
  depRule('python-cli-parser', 'cli', 0.5, 'pypi', ['click', 'typer', 'fire', 'docopt', 'cleo'], 'runtime', 'a command-line parser'),
  fileRule('rust-main', 'cli', 0.6, ['src/main.rs', 'src/bin'], 'the crate builds a binary'),
  { id: 'cargo-bin', type: 'cli', weight: 0.7, test: (f) => (Array.isArray(f.cargo?.doc.bin) ? 'Cargo.toml declares [[bin]] targets' : null) },
  depRule('rust-cli-parser', 'cli', 0.6, 'cargo', ['clap', 'structopt', 'argh', 'pico-args', 'lexopt', 'bpaf'], 'runtime', 'a command-line parser'),
  fileRule('go-main', 'cli', 0.6, ['main.go', 'cmd'], 'a Go main package builds a binary'),
  depRule('go-cli-parser', 'cli', 0.7, 'go', ['github.com/spf13/cobra', 'github.com/urfave/cli*', 'github.com/alecthomas/kong'], 'runtime', 'a command-line framework'),
  { id: 'dart-bin', type: 'cli', weight: 0.6, test: (f) => (f.names.has('pubspec.yaml') && f.names.has('bin') && !f.frameworks.has('flutter') ? 'pubspec.yaml and bin/ exist: a Dart command-line program' : null) },
  { id: 'ruby-exe', type: 'cli', weight: 0.6, test: (f) => (gemspec(f) && f.names.has('exe') ? `${gemspec(f)} and exe/ exist: the gem installs a command` : null) },
  { id: 'npm-exports', type: 'library', weight: 0.6, test: (f) => npmLibrary(f, 'exports') },
  { id: 'npm-types', type: 'library', weight: 0.4, test: (f) => npmLibrary(f, 'types') ?? npmLibrary(f, 'typings') },
  { id: 'npm-main', type: 'library', weight: 0.5, test: (f) => (pkg(f)?.bin === undefined ? npmLibrary(f, 'main') ?? npmLibrary(f, 'module') : null) },
  { id: 'npm-nothing-to-run', type: 'library', weight: 0.3, test: nothingToRun },
  { id: 'npm-peers', type: 'library', weight: 0.5, test: (f) => (isRecord(pkg(f)?.peerDependencies) && Object.keys(pkg(f)?.peerDependencies as object).length > 0 && !isPrivate(f) ? 'package.json has "peerDependencies": it plugs into code that brings its own copies' : null) },
  fileRule('rust-lib', 'library', 0.7, ['src/lib.rs'], 'the crate is a library'),
  { id: 'cargo-lib', type: 'library', weight: 0.5, test: (f) => (isRecord(f.cargo?.doc.lib) ? 'Cargo.toml has a [lib] section' : null) },
  { id: 'python-package', type: 'library', weight: 0.55, test: pythonPackage },
  { id: 'setup-py', type: 'library', weight: 0.5, test: (f) => (f.names.has('setup.py') && !/console_scripts/.test(f.texts.get('setup.py') ?? '') && !isApp(f) ? 'setup.py packages the code for others to install, with no command' : null) },
  { id: 'go-module', type: 'library', weight: 0.5, test: (f) => (f.names.has('go.mod') && !f.names.has('main.go') && !f.names.has('cmd') && !isApp(f) ? 'go.mod without main.go or cmd/: a Go module to import' : null) },
  { id: 'gem', type: 'library', weight: 0.6, test: (f) => (gemspec(f) && !f.names.has('exe') ? `${gemspec(f)} exists: a Ruby gem` : null) },
  { id: 'dart-package', type: 'library', weight: 0.55, test: (f) => (f.names.has('pubspec.yaml') && f.names.has('lib') && !f.names.has('bin') && !['android', 'ios', 'web', 'macos', 'windows', 'linux'].some((d) => f.names.has(d)) ? 'pubspec.yaml and lib/ without app folders: a Dart/Flutter package' : null) },
  { id: 'swift-package', type: 'library', weight: 0.5, test: (f) => (f.names.has('Package.swift') && ![...f.names].some((n) => n.endsWith('.xcodeproj')) ? 'Package.swift without an Xcode app project: a Swift package' : null) },
];

function pkg(f: ClassifyFacts): Record<string, unknown> | undefined {
  return f.packageJson?.doc;
}

function isPrivate(f: ClassifyFacts): boolean {
  return pkg(f)?.private === true;
}

/** What makes a project something to run rather than to import: a UI, a server, a desktop or phone shell, an editor. */
function isApp(f: ClassifyFacts): boolean {
  return hasFrontEnd(f) || serverDependency(f) !== null || f.frameworks.has('flutter') || isEditorExtension(f);
}

function npmLibrary(f: ClassifyFacts, field: string): string | null {
  const value = pkg(f)?.[field];
  if (value === undefined || isPrivate(f) || isApp(f)) return null;
  return `${hasField('package.json', field, value)} and no app framework: code for others to import`;
}

function nothingToRun(f: ClassifyFacts): string | null {
  const p = pkg(f);
  if (!p || (p.main === undefined && p.exports === undefined && p.module === undefined) || isPrivate(f) || isApp(f)) return null;
  if (p.bin !== undefined || at(p, 'scripts', 'start') !== undefined || at(p, 'scripts', 'dev') !== undefined) return null;
  return 'package.json has no "bin" and no start or dev script: nothing to run, only to import';
}

function pythonScripts(f: ClassifyFacts): string | null {
  const doc = f.pyproject?.doc;
  const scripts = at(doc, 'project', 'scripts') ?? at(doc, 'tool', 'poetry', 'scripts');
  if (!isRecord(scripts) || Object.keys(scripts).length === 0) return null;
  return `pyproject.toml declares scripts (${Object.keys(scripts).slice(0, 3).join(', ')}): it installs a command`;
}

function pythonPackage(f: ClassifyFacts): string | null {
  const doc = f.pyproject?.doc;
  const name = at(doc, 'project', 'name') ?? at(doc, 'tool', 'poetry', 'name');
  if (typeof name !== 'string' || pythonScripts(f) || isApp(f)) return null;
  return `pyproject.toml names the package "${name}" and declares no scripts or app framework: code for others to import`;
}

function gemspec(f: ClassifyFacts): string | undefined {
  return [...f.names].find((n) => n.endsWith('.gemspec'));
}
