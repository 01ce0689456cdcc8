import { XMLParser } from 'fast-xml-parser';
import type { Dependency, DependencyKind } from '../../model';
import type { Detector } from './detector';
import { frameworksFor } from './frameworks';
import { validateXmlText } from './parse';
import { asRecord, asString, at, dependency, isRecord } from './values';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, processEntities: false, isArray: (tag) => tag === 'dependency' || tag === 'plugin' });

/** `provided` is supplied by the runtime container, so it is needed to build but not shipped: `build`. */
const SCOPES: Readonly<Record<string, DependencyKind | undefined>> = {
  compile: 'runtime', runtime: 'runtime', system: 'runtime', test: 'dev', provided: 'build',
};

export const mavenDetector: Detector = {
  id: 'maven',
  applies: (names) => names.has('pom.xml'),
  async detect(ctx) {
    const text = await ctx.text('pom.xml');
    const checked = text === undefined ? undefined : validateXmlText(text);
    if (checked && !checked.ok) ctx.malformed('pom.xml', `pom.xml is ${checked.message}`, checked.line);
    const project = text !== undefined && checked?.ok ? asRecord(at(parser.parse(text), 'project')) : undefined;
    const dependencies = project ? pomDependencies(project) : [];
    const signals = [...dependencies.map((d) => d.name), ...(project ? pomSignals(project) : [])];
    return {
      languages: [signals.some((s) => s.includes('org.jetbrains.kotlin:')) ? 'kotlin' : 'java'],
      packageManagers: ['maven'],
      frameworks: frameworksFor('maven', signals),
      manifests: [{ path: ctx.path('pom.xml'), kind: 'pom.xml', dependencies }],
    };
  },
};

/** Direct `<dependencies>` only; `<dependencyManagement>` pins versions without adding dependencies. */
function pomDependencies(project: Record<string, unknown>): Dependency[] {
  const properties = asRecord(project.properties) ?? {};
  const list = at(project, 'dependencies', 'dependency');
  return (Array.isArray(list) ? list : []).filter(isRecord).flatMap((d) => {
    const group = text(d.groupId);
    const artifact = text(d.artifactId);
    const scope = SCOPES[text(d.scope) || 'compile'];
    if (!group || !artifact || !scope) return [];
    const kind = text(d.optional) === 'true' && scope === 'runtime' ? 'optional' : scope;
    return [dependency(`${group}:${artifact}`, interpolate(text(d.version), properties), kind)];
  });
}

function pomSignals(project: Record<string, unknown>): string[] {
  const plugins = at(project, 'build', 'plugins', 'plugin');
  const parent = asRecord(project.parent);
  return [
    ...(parent ? [`parent:${text(parent.groupId)}:${text(parent.artifactId)}`] : []),
    ...(Array.isArray(plugins) ? plugins : []).filter(isRecord).map((p) => `plugin:${text(p.groupId)}:${text(p.artifactId)}`),
  ];
}

/** `${spring.version}` from `<properties>`; anything else (`${project.version}`) stays as written. */
function interpolate(value: string, properties: Record<string, unknown>): string {
  return value.replace(/\$\{([^}]+)\}/g, (whole, key: string) => asString(properties[key])?.trim() || whole);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
