import type { Detector } from './detector';
import { sortedUnique } from './values';

/** CMake language names → ids; CMake enables C and C++ when `project()` names none, so the default is cpp. */
const LANGUAGES: Readonly<Record<string, string>> = { C: 'c', CXX: 'cpp', CUDA: 'cuda', OBJC: 'objective-c', OBJCXX: 'objective-cpp', Fortran: 'fortran', Swift: 'swift' };
const KEYWORDS_WITH_VALUE = new Set(['VERSION', 'DESCRIPTION', 'HOMEPAGE_URL']);

/** C/C++ package managers that sit beside CMake, recognised from the listing. */
const SIDE_MANAGERS: readonly (readonly [string, string])[] = [['vcpkg.json', 'vcpkg'], ['conanfile.txt', 'conan'], ['conanfile.py', 'conan']];

export const cmakeDetector: Detector = {
  id: 'cmake',
  applies: (names) => names.has('CMakeLists.txt'),
  async detect(ctx) {
    const text = await ctx.text('CMakeLists.txt');
    return {
      languages: text === undefined ? ['cpp'] : cmakeLanguages(text),
      packageManagers: ['cmake', ...SIDE_MANAGERS.filter(([f]) => ctx.names.has(f)).map(([, m]) => m)],
    };
  },
};

/** `project(name [VERSION x] [DESCRIPTION "..."] [LANGUAGES] C CXX)`: the words that are not keyword values. */
export function cmakeLanguages(text: string): string[] {
  const call = /^\s*project\s*\(([^)]*)\)/im.exec(text.replace(/#.*$/gm, ''))?.[1] ?? '';
  const words = call.match(/"[^"]*"|\S+/g)?.slice(1) ?? [];
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (KEYWORDS_WITH_VALUE.has(word)) i++;
    else if (LANGUAGES[word]) found.push(LANGUAGES[word]);
  }
  return found.length > 0 ? sortedUnique(found) : ['cpp'];
}
