import { XMLParser } from 'fast-xml-parser';
import type { Dependency, Manifest } from '../../model';
import type { DetectContext, Detector } from './detector';
import { frameworksFor } from './frameworks';
import { validateXmlText } from './parse';
import { asRecord, asString, at, dependency, isRecord, sortedUnique } from './values';

const PROJECT = /\.(cs|fs|vb)proj$/;
const LANGUAGE: Readonly<Record<string, string>> = { cs: 'csharp', fs: 'fsharp', vb: 'visualbasic' };
/** A folder rarely holds more than one or two project files; past this many the rest are not worth the reads. */
const MAX_PROJECT_FILES = 4;

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, processEntities: false,
  isArray: (tag) => tag === 'ItemGroup' || tag === 'PackageReference',
});

/**
 * .NET: the platform is reported as framework `dotnet` (ASP.NET Core etc. are added from the project SDK) and
 * NuGet as the package manager, since `dotnet` is the CLI rather than a package manager.
 */
export const dotnetDetector: Detector = {
  id: 'dotnet',
  applies: (names) => [...names].some((n) => PROJECT.test(n) || n.endsWith('.sln')),
  async detect(ctx) {
    const files = [...ctx.names].filter((n) => PROJECT.test(n)).sort().slice(0, MAX_PROJECT_FILES);
    const read = await Promise.all(files.map((f) => readProject(ctx, f)));
    const languages = files.length > 0 ? files.map((f) => LANGUAGE[/\.(\w\w)proj$/.exec(f)?.[1] ?? 'cs'] ?? 'csharp') : await solutionLanguages(ctx);
    return {
      languages: sortedUnique(languages),
      packageManagers: ['nuget'],
      frameworks: sortedUnique(['dotnet', ...frameworksFor('nuget', read.flatMap((r) => r.signals))]),
      manifests: read.map((r) => r.manifest),
    };
  },
};

async function readProject(ctx: DetectContext, file: string): Promise<{ manifest: Manifest; signals: string[] }> {
  const text = await ctx.text(file);
  const checked = text === undefined ? undefined : validateXmlText(text);
  if (checked && !checked.ok) ctx.malformed(file, `${file} is ${checked.message}`, checked.line);
  const project = text !== undefined && checked?.ok ? asRecord(at(parser.parse(text), 'Project')) : undefined;
  const dependencies = project ? packageReferences(project) : [];
  const sdk = asString(project?.['@Sdk']);
  const kind = `*.${file.split('.').pop() ?? 'csproj'}`;
  return { manifest: { path: ctx.path(file), kind, dependencies }, signals: [...dependencies.map((d) => d.name), ...(sdk ? [`sdk:${sdk}`] : [])] };
}

/** Analyzers and build tools are referenced with PrivateAssets="all": they do not flow to consumers. */
function packageReferences(project: Record<string, unknown>): Dependency[] {
  const groups = Array.isArray(project.ItemGroup) ? project.ItemGroup : [];
  return groups.flatMap((group) => {
    const refs = at(group, 'PackageReference');
    return (Array.isArray(refs) ? refs : []).filter(isRecord).flatMap((ref) => {
      const name = asString(ref['@Include']) ?? asString(ref['@Update']);
      const version = asString(ref['@Version']) ?? asString(ref.Version);
      const privateAssets = asString(ref['@PrivateAssets']) ?? asString(ref.PrivateAssets);
      return name ? [dependency(name, version, privateAssets?.toLowerCase() === 'all' ? 'build' : 'runtime')] : [];
    });
  });
}

/** A solution without project files beside it names them; their extensions give the languages. */
async function solutionLanguages(ctx: DetectContext): Promise<string[]> {
  const sln = [...ctx.names].find((n) => n.endsWith('.sln'));
  const text = sln ? ((await ctx.text(sln)) ?? '') : '';
  const found = [...text.matchAll(/\.(cs|fs|vb)proj"/g)].map((m) => LANGUAGE[m[1] ?? 'cs'] ?? 'csharp');
  return found.length > 0 ? found : ['csharp'];
}
