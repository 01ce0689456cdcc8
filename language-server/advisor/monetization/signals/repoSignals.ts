import type { Project } from '../../../model';
import { asString, at, isRecord } from '../../../scanner/ecosystems/values';
import type { ClassifyFacts } from '../../classify/classifyFacts';
import type { Classification } from '../../classify/projectTypes';
import { ABSENT, present } from '../signalIds';
import type { SignalId, SignalState } from '../signalIds';

/** Forges where a repository is usually public; its visibility itself needs the network and is not checked. */
const PUBLIC_FORGES = ['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org', 'git.sr.ht', 'gitea.com'];

export function repoSignals(project: Project, f: ClassifyFacts, c: Classification): Array<[SignalId, SignalState]> {
  return [['public-repo', publicRepo(project, f)], ['published-package', publishedPackage(f)], ['marketplace-ready', marketplaceReady(f, c)]];
}

function publicRepo(project: Project, f: ClassifyFacts): SignalState {
  const remote = project.git?.remoteUrl;
  const remoteForge = remote ? forgeOf(remote) : null;
  if (remoteForge) return present(`the git remote is on ${remoteForge} (visibility not checked offline)`);
  const repo = f.packageJson?.doc.repository;
  const url = asString(repo) ?? (isRecord(repo) ? asString(repo.url) : undefined);
  const declared = url ? forgeOf(url) : null;
  if (declared) return present(`package.json names a repository on ${declared} (visibility not checked offline)`);
  return ABSENT;
}

/** npm's repository shorthands: `github:user/repo`, and a bare `user/repo` for GitHub. */
const SHORTHANDS: Readonly<Record<string, string>> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };

function forgeOf(url: string): string | null {
  const text = url.trim();
  const shorthand = /^(github|gitlab|bitbucket):/i.exec(text)?.[1]?.toLowerCase();
  if (shorthand) return SHORTHANDS[shorthand] ?? null;
  if (/^[\w.-]+\/[\w.-]+$/.test(text)) return 'github.com';
  const host = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)/i.exec(text)?.[1]?.toLowerCase() ?? '';
  return PUBLIC_FORGES.find((forge) => host === forge || host.endsWith(`.${forge}`)) ?? null;
}

/** Ready to publish to a package registry: named, versioned and not marked private or unpublishable. */
function publishedPackage(f: ClassifyFacts): SignalState {
  const pkg = f.packageJson?.doc;
  if (pkg && typeof pkg.name === 'string' && typeof pkg.version === 'string' && pkg.private !== true) return present(`package.json names the public package ${pkg.name}@${pkg.version}`);
  const py = at(f.pyproject?.doc, 'project', 'name') ?? at(f.pyproject?.doc, 'tool', 'poetry', 'name');
  if (typeof py === 'string') return present(`pyproject.toml names the package ${py}`);
  const crate = at(f.cargo?.doc, 'package', 'name');
  if (typeof crate === 'string' && at(f.cargo?.doc, 'package', 'publish') !== false) return present(`Cargo.toml names the crate ${crate}`);
  const gemspec = [...f.names].find((n) => n.endsWith('.gemspec'));
  return gemspec ? present(`${gemspec} exists`) : ABSENT;
}

/** What a store listing needs from the files, by kind of project; other kinds have no store to be listed in. */
function marketplaceReady(f: ClassifyFacts, c: Classification): SignalState {
  const pkg = f.packageJson?.doc;
  if (c.type === 'editor-extension' && pkg && typeof pkg.publisher === 'string') return present(`package.json names the publisher "${pkg.publisher}"`);
  if (c.type === 'browser-extension' && f.webManifest && f.webManifest.doc.icons !== undefined && f.webManifest.doc.name !== undefined) return present(`${f.webManifest.file} has a name and icons`);
  if (c.type === 'mobile-app' && (f.names.has('app.json') || f.names.has('app.config.ts') || (f.names.has('android') && f.names.has('ios')))) return present('the app has store metadata (app.json) or both platform folders');
  if (c.type === 'desktop-app' && (isRecord(pkg?.build) || f.paths.has('src-tauri/tauri.conf.json') || f.names.has('electron-builder.yml') || f.names.has('forge.config.js'))) return present('a desktop packaging configuration is present');
  if (c.type === 'game' && f.names.has('export_presets.cfg')) return present('export_presets.cfg exists: export presets are set up');
  return ABSENT;
}
