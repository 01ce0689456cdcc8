/**
 * How firmly a manifest's version text pins a dependency:
 * - `exact`: one version (`1.2.3`, `==1.2.3`, `=1.2.3`, Go's `v1.2.3`);
 * - `range`: any version in a range (`^1.2`, `~=1.2`, `>=1,<2`, Cargo's bare `1.2`, npm's partial `1.2`);
 * - `wildcard`: any version at all (`*`, `x`, nothing written);
 * - `tag`: whatever a registry tag points at today (`latest`, `next`, Maven's `RELEASE`);
 * - `git` / `git-pinned`: a repository, at a branch (or its default) / at a commit or version tag;
 * - `local`: a path, workspace or property reference; `url`: a tarball URL. Neither is about versions.
 */
export type PinKind = 'exact' | 'range' | 'wildcard' | 'tag' | 'git' | 'git-pinned' | 'local' | 'url';

const LOCAL = /^(?:workspace:|file:|link:|portal:|path:|\$\{)|^workspace$|^\.{0,2}\//;
const GIT = /^(?:git\+|git:|git@|github:|gitlab:|bitbucket:|gist:|url:git\+)|\.git(?:[#@].*)?$/;
/** npm's `owner/repo` GitHub shorthand. */
const GITHUB_SHORTHAND = /^[\w.-]+\/[\w.-]+(?:#.+)?$/;
/** A commit id or a version tag after `#` (npm) or the last `@` (pip's direct references). */
const GIT_PIN = /[#@](?:[0-9a-f]{7,40}|v?\d+\.\d+[\w.-]*|semver:.+)$/;
const TABLE_MANIFESTS: ReadonlySet<string> = new Set(['Cargo.toml', 'Pipfile', 'pyproject.toml', 'pubspec.yaml']);
const RANGE_SYNTAX = /[\^~<>|!,[\]()]|\s-\s|(?:^|\.)[xX*](?:\.|$)/;
const VERSION = /^[=v]*\s*\d+(?:\.\d+)*(?:[-+][\w.-]+)?$/;

export function pinKind(rangeText: string, manifestKind: string): PinKind {
  const range = rangeText.trim();
  if (range === '' || range === '*' || /^[xX]$/.test(range)) return 'wildcard';
  const alias = /^(?:npm|jsr):(?:@[^/@]+\/)?[^@]+(?:@(.*))?$/.exec(range);
  if (alias) return alias[1] === undefined ? 'wildcard' : pinKind(alias[1], manifestKind);
  if (LOCAL.test(range)) return 'local';
  // Table-style manifests keep rev/tag/branch in keys the scanner does not carry: whether they pin is unknown.
  if (range.startsWith('git:') && TABLE_MANIFESTS.has(manifestKind)) return 'git-pinned';
  if (GIT.test(range) || (manifestKind === 'package.json' && GITHUB_SHORTHAND.test(range))) return GIT_PIN.test(range) ? 'git-pinned' : 'git';
  if (/^(?:url:)?https?:\/\//.test(range)) return 'url';
  if (/^==?=?\s*[\w.+-]+$/.test(range) && !RANGE_SYNTAX.test(range)) return 'exact';
  if (RANGE_SYNTAX.test(range) || /^[><~^]/.test(range)) return 'range';
  if (VERSION.test(range)) return versionKind(range, manifestKind);
  return /^[A-Za-z][\w.-]*$/.test(range) ? 'tag' : 'range';
}

/** A bare version: exact in most ecosystems, a caret range in Cargo, a prefix range in npm when partial. */
function versionKind(range: string, manifestKind: string): PinKind {
  if (manifestKind === 'Cargo.toml' && !range.startsWith('=')) return 'range';
  const parts = range.replace(/^[=v\s]+/, '').split(/[-+]/)[0]?.split('.').length ?? 0;
  if ((manifestKind === 'package.json' || manifestKind === 'deno.json') && parts < 3) return 'range';
  return 'exact';
}

/** Kinds that leave the version to chance even with a lockfile once it is refreshed. */
export const UNPINNED: ReadonlySet<PinKind> = new Set(['wildcard', 'tag', 'git']);
