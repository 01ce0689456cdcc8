import type { Dependency, DependencyKind } from '../../model';
import type { DetectContext, Detector } from './detector';
import { frameworksFor } from './frameworks';
import { emptyCatalog, parseCatalog } from './gradle-catalog';
import type { VersionCatalog } from './gradle-catalog';
import { dependency } from './values';

const BUILD_FILES = ['build.gradle.kts', 'build.gradle'];
const SETTINGS_FILES = ['settings.gradle.kts', 'settings.gradle'];
const CATALOG = 'gradle/libs.versions.toml';

/** One dependency declaration per line: `implementation("g:a:v")`, `testImplementation 'g:a:v'`, `api(libs.x)`. */
const DECLARATION = /^\s*(implementation|api|compile|runtimeOnly|runtime|compileOnly|annotationProcessor|kapt|ksp|(?:test|androidTest|testFixtures|debug)[A-Z]\w*|releaseImplementation)\b\s*\(?\s*(.+)$/;
const KOTLIN = /org\.jetbrains\.kotlin|\bkotlin\s*\(|plugin:\s*["']kotlin|\bid\s*\(?\s*["']kotlin|libs\.plugins\.kotlin/;

export const gradleDetector: Detector = {
  id: 'gradle',
  applies: (names) => [...BUILD_FILES, ...SETTINGS_FILES].some((n) => names.has(n)),
  async detect(ctx) {
    const file = BUILD_FILES.find((n) => ctx.names.has(n));
    const text = file ? ((await ctx.text(file)) ?? '') : '';
    const catalog = /\blibs\./.test(text) ? await readCatalog(ctx) : emptyCatalog;
    const dependencies = parseGradleDependencies(text, catalog);
    const signals = [...dependencies.map((d) => d.name), ...pluginIds(text, catalog).map((id) => `plugin:${id}`)];
    const kotlin = KOTLIN.test(text) || signals.some((s) => s.startsWith('plugin:org.jetbrains.kotlin'));
    return {
      languages: [kotlin ? 'kotlin' : 'java'],
      packageManagers: ['gradle'],
      frameworks: frameworksFor('maven', signals),
      manifests: file ? [{ path: ctx.path(file), kind: file, dependencies }] : [],
    };
  },
};

async function readCatalog(ctx: DetectContext): Promise<VersionCatalog> {
  const doc = await ctx.toml(CATALOG, true);
  return doc ? parseCatalog(doc) : emptyCatalog;
}

export function parseGradleDependencies(text: string, catalog: VersionCatalog = emptyCatalog): Dependency[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const match = DECLARATION.exec(line);
    if (!match?.[1] || !match[2]) return [];
    const found = coordinates(match[2], catalog);
    return found ? [dependency(found.name, found.range, kindOf(match[1]))] : [];
  });
}

function kindOf(configuration: string): DependencyKind {
  if (/^(test|androidTest|testFixtures|debug)/.test(configuration)) return 'dev';
  return /^(compileOnly|annotationProcessor|kapt|ksp)$/.test(configuration) ? 'build' : 'runtime';
}

/** Reads the argument of a declaration; project(":x"), files(...) and other non-coordinates give undefined. */
function coordinates(argument: string, catalog: VersionCatalog): { name: string; range: string | undefined } | undefined {
  const arg = argument.replace(/^(?:enforcedPlatform|platform|testFixtures)\s*\(\s*/, '');
  const kotlin = /^kotlin\s*\(\s*["']([\w.-]+)["']\s*(?:,\s*["']([^"']+)["'])?/.exec(arg);
  if (kotlin?.[1]) return { name: `org.jetbrains.kotlin:kotlin-${kotlin[1]}`, range: kotlin[2] };
  const literal = /^["']([^"']+)["']/.exec(arg);
  if (literal?.[1]) return fromNotation(literal[1]);
  const named = /group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?/.exec(arg);
  if (named?.[1] && named[2]) return { name: `${named[1]}:${named[2]}`, range: named[3] };
  const alias = /^libs\.([\w.]+?)(?:\.get\(\))?\s*\)?\s*(?:\{.*)?$/.exec(arg);
  return alias?.[1] ? catalog.library(alias[1]) : undefined;
}

/** `group:artifact:version[:classifier][@ext]`. */
function fromNotation(notation: string): { name: string; range: string | undefined } | undefined {
  const [group, artifact, version] = notation.replace(/@\w+$/, '').split(':');
  return group && artifact ? { name: `${group}:${artifact}`, range: version } : undefined;
}

function pluginIds(text: string, catalog: VersionCatalog): string[] {
  const ids = [...text.matchAll(/\bid\s*\(?\s*["']([\w.-]+)["']|apply\s+plugin:\s*["']([\w.-]+)["']/g)].map((m) => m[1] ?? m[2] ?? '');
  const kotlin = [...text.matchAll(/^\s*kotlin\s*\(\s*["']([\w.-]+)["']\s*\)/gm)].map((m) => `org.jetbrains.kotlin.${m[1] ?? ''}`);
  const aliases = [...text.matchAll(/alias\s*\(\s*libs\.plugins\.([\w.]+)\s*\)/g)].map((m) => catalog.plugin(m[1] ?? '') ?? '');
  return [...ids, ...kotlin, ...aliases].filter((id) => id !== '');
}
