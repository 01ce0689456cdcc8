import { stat } from 'node:fs/promises';
import path from 'node:path';
import { findEntry } from '../../../analyzer/debt/projectFiles';
import { asString } from '../../../scanner/ecosystems/values';
import type { ClassifyFacts } from '../../classify/classifyFacts';
import { ABSENT, present } from '../signalIds';
import type { SignalId, SignalState } from '../signalIds';

/** A file or folder named pricing (`pricing.html`, `app/pricing/page.tsx`, `pricing.md`): a pricing page or route. */
const PRICING = /^pricing([._-]|$)/i;
/** Entry pages of sites and web apps, by framework convention. */
const LANDING = ['index.html', 'public/index.html', 'src/index.html', 'app/page.tsx', 'app/page.jsx', 'src/app/page.tsx', 'pages/index.tsx', 'pages/index.jsx', 'pages/index.js', 'src/pages/index.astro', 'src/routes/+page.svelte', 'templates/index.html'];
const DOCS_SITE = ['mkdocs.yml', 'mkdocs.yaml', 'docusaurus.config.js', 'docusaurus.config.ts', '.vitepress', 'docs/.vitepress', 'book.toml', '.readthedocs.yaml', '.readthedocs.yml', 'typedoc.json'];
const SELF_HOST = ['Dockerfile', 'Containerfile', 'compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'Chart.yaml', 'charts'];
const CHANGELOG = /^(changelog|changes|history|releases)(\.[a-z]+)?$/i;
const COMMERCIAL = /^(ee|enterprise)$|commercial/i;
const REPO_HOSTS = /(^|\.)(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)$/i;

/** Signals read from the names of the project's files and a few manifest fields. */
export async function fileSignals(f: ClassifyFacts): Promise<Array<[SignalId, SignalState]>> {
  return [
    ['has-pricing-page', await pricingPage(f.dir)],
    ['has-landing-page', landingPage(f)],
    ['has-docs-site', await firstOf(f, DOCS_SITE, 'a documentation site generator is configured')],
    ['self-hostable', await firstOf(f, SELF_HOST, 'others can run it on their own servers')],
    ['has-changelog', byName(f, CHANGELOG, 'releases are written up') ?? (f.names.has('.changeset') ? present('.changeset/ exists: releases are written up') : ABSENT)],
    ['has-commercial-edition', byName(f, COMMERCIAL, 'a commercial or enterprise part') ?? ABSENT],
    ['has-funding', await funding(f)],
    ['has-api-docs', byName(f, /^(openapi|swagger)\.(ya?ml|json)$/i, 'the API is described for its users') ?? ABSENT],
  ];
}

/** Bounded like the analyzer's test search: a search cut short says unknown, never absent. */
async function pricingPage(dir: string): Promise<SignalState> {
  const found = await findEntry(dir, (entry) => PRICING.test(entry.name), { maxDepth: 5, maxEntries: 20_000 });
  if (found.found) return present(`${path.relative(dir, found.found).split(path.sep).join('/')} is a pricing page or route`);
  return found.truncated ? { unknown: 'the search for a pricing page stopped after 20,000 entries or 5 levels' } : ABSENT;
}

function landingPage(f: ClassifyFacts): SignalState {
  const page = LANDING.find((p) => (p.includes('/') ? f.paths.has(p) : f.names.has(p)));
  if (page) return present(`${page} is an entry page`);
  const homepage = asString(f.packageJson?.doc.homepage);
  if (homepage && !isRepoPage(homepage)) return present(`package.json "homepage" points to a site (${homepage})`);
  return ABSENT;
}

async function firstOf(f: ClassifyFacts, files: readonly string[], why: string): Promise<SignalState> {
  for (const p of files) if (p.includes('/') ? await exists(f.dir, p) : f.names.has(p)) return present(`${p} exists: ${why}`);
  return ABSENT;
}

async function exists(dir: string, rel: string): Promise<boolean> {
  return stat(path.join(dir, rel)).then(() => true, () => false);
}

function byName(f: ClassifyFacts, pattern: RegExp, why: string): SignalState | null {
  const hit = [...f.names].sort().find((n) => pattern.test(n));
  return hit ? present(`${hit} exists: ${why}`) : null;
}

async function funding(f: ClassifyFacts): Promise<SignalState> {
  if (f.packageJson?.doc.funding !== undefined) return present('package.json has "funding"');
  return (await exists(f.dir, '.github/FUNDING.yml')) ? present('.github/FUNDING.yml exists') : ABSENT;
}

function isRepoPage(url: string): boolean {
  try {
    return REPO_HOSTS.test(new URL(url).hostname);
  } catch {
    return true;
  }
}
