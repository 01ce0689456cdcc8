import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { findEntry } from '../../analyzer/debt/projectFiles';
import type { Project } from '../../model';
import { createDetectContext } from '../../scanner/ecosystems/context';
import type { DetectContext } from '../../scanner/ecosystems/detector';
import { isRecord } from '../../scanner/ecosystems/values';
import { DepIndex } from './classifyFacts';
import type { ClassifyFacts, Doc } from './classifyFacts';

/** Paths below the top level whose mere presence some rule reads as evidence. */
const PROBES = [
  'src/lib.rs', 'src/main.rs', 'src/bin', 'src-tauri', 'src-tauri/tauri.conf.json', 'cmd', 'src/__main__.py',
  'ProjectSettings/ProjectVersion.txt', 'Assets', 'docs/.vitepress', 'src/main/resources/META-INF/plugin.xml',
  'public/index.html', 'src/index.html', 'app/page.tsx', 'app/page.jsx', 'src/app/page.tsx', 'pages/index.tsx',
  'pages/index.jsx', 'pages/index.js', 'src/pages/index.astro', 'src/routes/+page.svelte', 'templates/index.html',
];

/** Where WebExtension manifests are kept, the root first. Only the root one is the project's manifest. */
const WEB_MANIFESTS = ['manifest.json', 'src/manifest.json', 'public/manifest.json', 'extension/manifest.json', 'app/manifest.json', 'static/manifest.json'];

/** Files that, when they cannot be read, leave the classifier guessing: the result is then `unknown`. */
const PRIMARY = new Set(['package.json', 'Cargo.toml', 'pyproject.toml', 'manifest.json']);

export interface FactsReading {
  facts: ClassifyFacts;
  notes: string[];
  /** Problems with the project's folder or own manifests, one sentence each naming the file: they make it unknown. */
  malformed: string[];
}

/** Reads what the rules need from the project folder; every read problem becomes a note, never a throw. */
export async function readFacts(project: Project): Promise<FactsReading> {
  const { names, error } = await listing(project.path);
  const ctx = createDetectContext(project.path, [...names]);
  const [packageJson, cargo, pyproject, webManifest, paths, notebooks, setupPy] = await Promise.all([
    readDoc(ctx, names, 'package.json', 'json'), readDoc(ctx, names, 'Cargo.toml', 'toml'),
    readDoc(ctx, names, 'pyproject.toml', 'toml'), findWebManifest(ctx), probe(project.path),
    findNotebooks(project.path), names.has('setup.py') ? ctx.text('setup.py', true) : undefined,
  ]);
  const facts: ClassifyFacts = {
    dir: project.path, names, paths, frameworks: new Set(project.stack.frameworks), languages: new Set(project.stack.languages),
    deps: new DepIndex(project.dependencies.manifests), packageJson, cargo, pyproject, webManifest, notebooks,
    texts: new Map(setupPy === undefined ? [] : [['setup.py', setupPy]]),
  };
  const found = problems(project, ctx);
  return { facts, notes: found.notes, malformed: error ? [`the folder ${project.path} cannot be read (${error})`, ...found.malformed] : found.malformed };
}

async function listing(dir: string): Promise<{ names: Set<string>; error?: string }> {
  try {
    return { names: new Set(await readdir(dir)) };
  } catch (error) {
    return { names: new Set(), error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

async function readDoc(ctx: DetectContext, names: ReadonlySet<string>, file: string, as: 'json' | 'toml'): Promise<Doc | null> {
  if (!names.has(file)) return null;
  const doc = await (as === 'json' ? ctx.json(file) : ctx.toml(file));
  return doc ? { file, doc } : null;
}

/** A PWA's web manifest (public/manifest.json) has no `manifest_version`, so it is not taken for one. */
async function findWebManifest(ctx: DetectContext): Promise<Doc | null> {
  for (const file of WEB_MANIFESTS) {
    if (!(await exists(ctx.path(file)))) continue;
    const doc = await ctx.json(file, true);
    if (doc && isRecord(doc) && doc.manifest_version !== undefined) return { file, doc };
  }
  return null;
}

async function probe(dir: string): Promise<Set<string>> {
  const found = await Promise.all(PROBES.map(async (rel) => ((await exists(path.join(dir, rel))) ? rel : null)));
  return new Set(found.filter((p): p is string => p !== null));
}

/** Bounded: a data folder with thousands of files must not make classification slow. */
async function findNotebooks(dir: string): Promise<string[]> {
  const found: string[] = [];
  await findEntry(dir, (entry, rel) => {
    if (entry.isFile() && entry.name.endsWith('.ipynb') && found.length < 5) found.push(rel.split(path.sep).join('/'));
    return false;
  }, { maxDepth: 3, maxEntries: 5_000 });
  return found.sort();
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/** The scanner's own manifest findings count too: it read files (go.mod, pubspec.yaml) this module does not. */
function problems(project: Project, ctx: DetectContext): { notes: string[]; malformed: string[] } {
  const notes: string[] = [];
  const malformed: string[] = [];
  const seen = new Set<string>();
  for (const f of [...project.findings.filter((f) => f.code.startsWith('manifest/')), ...ctx.findings]) {
    if (seen.has(f.message)) continue;
    seen.add(f.message);
    const rel = f.file ? path.relative(project.path, f.file).split(path.sep).join('/') : '';
    if (f.code.startsWith('manifest/') && (PRIMARY.has(rel) || project.findings.includes(f))) malformed.push(f.message);
    else notes.push(f.message);
  }
  return { notes, malformed };
}
