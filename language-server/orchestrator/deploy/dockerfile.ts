import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest, Stack } from '../../model';
import { compiledTemplates } from './dockerCompiled';
import { nodeTemplate } from './dockerNode';
import { pythonTemplate } from './dockerPython';
import { scriptTemplates } from './dockerScript';
import { DOCKERFILE } from './containerTargets';
import { readText } from './readProjectFile';
import type { DockerfileResult } from './types';
import type { Ecosystem, Template, TemplateContext } from './templateKit';

/** Server frameworks decide first: a Django app with a package.json for its assets is a Python image. */
const BY_FRAMEWORK: readonly (readonly [string, Ecosystem])[] = [
  ['django', 'python'], ['fastapi', 'python'], ['flask', 'python'], ['rails', 'ruby'], ['sinatra', 'ruby'],
  ['laravel', 'php'], ['symfony', 'php'], ['aspnetcore', 'dotnet'], ['spring-boot', 'java'], ['quarkus', 'java'],
  ['micronaut', 'java'], ['gin', 'go'], ['echo', 'go'], ['fiber', 'go'], ['actix-web', 'rust'], ['axum', 'rust'],
  ['rocket', 'rust'], ['next', 'node'], ['nuxt', 'node'], ['express', 'node'], ['fastify', 'node'], ['nestjs', 'node'],
];

const BY_LANGUAGE: readonly (readonly [string, Ecosystem])[] = [
  ['csharp', 'dotnet'], ['fsharp', 'dotnet'], ['visualbasic', 'dotnet'], ['java', 'java'], ['kotlin', 'java'], ['go', 'go'],
  ['rust', 'rust'], ['ruby', 'ruby'], ['php', 'php'], ['python', 'python'], ['typescript', 'node'], ['javascript', 'node'],
];

const TEMPLATES: Readonly<Record<Ecosystem, Template>> = { node: nodeTemplate, python: pythonTemplate, ...compiledTemplates, ...scriptTemplates };

/**
 * A Dockerfile and .dockerignore for the project's stack: multi-stage where a build step exists, a non-root
 * user, the framework's default port. Text only, never written here: the caller previews it and writes it after
 * the user confirms. Reading the project is limited to the few files that decide.
 */
export async function generateDockerfile(projectDir: string, stack: Stack, manifests: readonly Manifest[] = []): Promise<DockerfileResult> {
  const dir = path.resolve(projectDir);
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  const ecosystem = pickEcosystem(stack);
  if (ecosystem === null) return refused(noTemplate(stack));
  const missing = missingEssential(ecosystem, names, stack);
  if (missing) return refused(missing);
  const result = await TEMPLATES[ecosystem](makeContext(dir, names, stack, manifests));
  const existing = [...names].filter((n) => DOCKERFILE.test(n)).sort();
  if (existing.length) result.notes.push(`The project already has a Dockerfile (${existing.join(', ')}); this is a proposal to compare with it, and nothing was written.`);
  return result;
}

const refused = (note: string): DockerfileResult => ({ template: null, dockerfile: '', dockerignore: '', notes: [note] });

function noTemplate(stack: Stack): string {
  const what = [...stack.languages, ...stack.frameworks].join(', ') || 'an unknown stack';
  return `No Dockerfile template fits ${what}; supported: Node, Python, Go, Rust, Java, Ruby, PHP, .NET.`;
}

/** A template that would only make a Dockerfile that cannot build is not offered. */
function missingEssential(ecosystem: Ecosystem, names: ReadonlySet<string>, stack: Stack): string | null {
  if (ecosystem !== 'node' || names.has('package.json')) return null;
  // Deno reports TypeScript as its language; its projects have no package.json and no npm install.
  if (stack.packageManagers.includes('deno')) return 'Deno projects have no Dockerfile template yet; see the denoland/deno images.';
  return 'There is no package.json at the project root; the Node template needs one to install and start the app.';
}

export function pickEcosystem(stack: Stack): Ecosystem | null {
  const frameworks = new Set(stack.frameworks);
  const languages = new Set(stack.languages);
  const byFramework = BY_FRAMEWORK.find(([f]) => frameworks.has(f));
  if (byFramework) return byFramework[1];
  if (frameworks.has('dotnet')) return 'dotnet';
  return BY_LANGUAGE.find(([l]) => languages.has(l))?.[1] ?? null;
}

const DEPENDENCY_FILES = ['requirements.txt', 'pyproject.toml', 'Pipfile', 'package.json', 'Gemfile', 'composer.json', 'Cargo.toml', 'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts'];

function makeContext(dir: string, names: ReadonlySet<string>, stack: Stack, manifests: readonly Manifest[]): TemplateContext {
  const notes: string[] = [];
  const cache = new Map<string, Promise<string | undefined>>();
  // `name` may be nested (`app/main.py`); the listing holds top-level names only, so the first part is checked.
  const text = (name: string): Promise<string | undefined> => {
    if (!names.has(name.split('/')[0] ?? name)) return Promise.resolve(undefined);
    let read = cache.get(name);
    if (!read) {
      read = readText(dir, name).then((r) => {
        if (r.ok) return r.value;
        // Templates look for optional files; one that is simply not there is not worth a note.
        if (!r.missing) notes.push(r.note);
        return undefined;
      });
      cache.set(name, read);
    }
    return read;
  };
  const hasDependency = async (name: string): Promise<boolean> => {
    const wanted = name.toLowerCase();
    if (manifests.some((m) => m.dependencies.some((d) => d.name.toLowerCase() === wanted))) return true;
    if (manifests.length > 0) return false;
    const pattern = new RegExp(`(^|[^\\w-])${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`, 'im');
    const texts = await Promise.all(DEPENDENCY_FILES.map(text));
    return texts.some((t) => t !== undefined && pattern.test(t));
  };
  return { dir, names, stack, manifests, notes, text, hasDependency };
}
