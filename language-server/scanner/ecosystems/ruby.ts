import type { Dependency } from '../../model';
import type { Detector } from './detector';
import { frameworksFor } from './frameworks';
import { dependency } from './values';

export const rubyDetector: Detector = {
  id: 'ruby',
  applies: (names) => names.has('Gemfile'),
  async detect(ctx) {
    const text = await ctx.text('Gemfile');
    const dependencies = text === undefined ? [] : parseGemfile(text);
    return {
      languages: ['ruby'],
      packageManagers: ['bundler'],
      frameworks: frameworksFor('rubygems', dependencies.map((d) => d.name)),
      manifests: [{ path: ctx.path('Gemfile'), kind: 'Gemfile', dependencies }],
    };
  },
};

const DEV_GROUPS = /:(development|test)\b/;

/**
 * `gem` lines, with `group ... do` blocks tracked through a stack of open blocks so that a gem is `dev` when
 * it sits in (or is tagged with) a development or test group. Gemfiles are Ruby, so this is best effort.
 */
export function parseGemfile(text: string): Dependency[] {
  const out: Dependency[] = [];
  const blocks: boolean[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (/^end\b/.test(line)) blocks.pop();
    else if (/\bdo(\s*\|[^|]*\|)?$/.test(line)) blocks.push(/^group\b/.test(line) && DEV_GROUPS.test(line));
    else if (/^(if|unless|case|begin|while|until|def|class|module)\b/.test(line)) blocks.push(false);
    else if (/^gem\s/.test(line)) pushGem(out, line, blocks.includes(true));
  }
  return out;
}

function pushGem(out: Dependency[], line: string, inDevGroup: boolean): void {
  const args = [...line.matchAll(/(\w+:\s*)?(["'])(.*?)\2/g)];
  const name = args[0]?.[3];
  if (!name) return;
  const versions = args.slice(1).filter((a) => !a[1] && /^[~<>=!\d]/.test(a[3] ?? '')).map((a) => a[3]);
  const source = args.find((a) => /^(git|github|path):/.test(a[1] ?? ''));
  if (source && versions.length === 0) versions.push(`${source[1]?.replace(/:\s*$/, '')}:${source[3]}`);
  const dev = inDevGroup || /\bgroups?:\s*\[?[^\]]*:(development|test)\b/.test(line);
  out.push(dependency(name, versions.join(', '), dev ? 'dev' : 'runtime'));
}
