import type { Detector } from './detector';
import { sortedUnique } from './values';

const MAKEFILES = ['Makefile', 'makefile', 'GNUmakefile'];
const SOURCE_LANGUAGE: readonly (readonly [RegExp, string])[] = [[/\.c$/, 'c'], [/\.(cpp|cc|cxx|hpp|hh|hxx)$/, 'cpp']];

/**
 * A Makefile drives builds in every ecosystem, so on its own it says nothing about the language; C or C++
 * is claimed only when sources of that kind sit beside it (seen in the listing, no extra read).
 */
export const makeDetector: Detector = {
  id: 'make',
  applies: (names) => MAKEFILES.some((m) => names.has(m)),
  async detect(ctx) {
    const languages = SOURCE_LANGUAGE.filter(([re]) => [...ctx.names].some((n) => re.test(n))).map(([, id]) => id);
    return { languages: sortedUnique(languages), packageManagers: ['make'] };
  },
};
