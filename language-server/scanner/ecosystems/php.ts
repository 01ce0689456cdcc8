import type { Dependency, DependencyKind } from '../../model';
import type { Detector } from './detector';
import { frameworksFor } from './frameworks';
import { dependenciesFromMap } from './values';

/** Platform requirements (the PHP version, extensions, system libraries) are not packages. */
const PLATFORM = /^(php(-64bit|-ipv6|-zts|-debug)?|hhvm|ext-.+|lib-.+|composer(-plugin-api|-runtime-api)?)$/i;

export const phpDetector: Detector = {
  id: 'php',
  applies: (names) => names.has('composer.json'),
  async detect(ctx) {
    const doc = await ctx.json('composer.json');
    const dependencies = [...section(doc?.require, 'runtime'), ...section(doc?.['require-dev'], 'dev')];
    return {
      languages: ['php'],
      packageManagers: ['composer'],
      frameworks: frameworksFor('packagist', dependencies.map((d) => d.name)),
      manifests: [{ path: ctx.path('composer.json'), kind: 'composer.json', dependencies }],
    };
  },
};

function section(map: unknown, kind: DependencyKind): Dependency[] {
  return dependenciesFromMap(map, kind).filter((d) => !PLATFORM.test(d.name));
}
