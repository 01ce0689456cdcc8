/**
 * Whether a project's .js files are compiled before they run (a bundler, a framework's build, Babel, Jest's
 * transform): then the module syntax in a file says nothing about how Node will load it.
 */
import type { PackageJson } from './packageJson';

const BUILD_TOOLS: readonly string[] = [
  'vite', 'webpack', 'webpack-cli', 'next', 'nuxt', 'react-scripts', 'parcel', 'rollup', 'esbuild', 'gatsby', 'astro',
  '@sveltejs/kit', '@angular/cli', '@angular-devkit/build-angular', '@vue/cli-service', '@remix-run/dev', 'expo',
  'react-native', 'metro', 'browserify', '@rspack/core', '@rsbuild/core', 'tsup', 'jest', 'ts-jest', 'babel-jest',
  '@babel/core', '@babel/register', 'babel-loader', '@swc/core', '@swc/jest', 'vitest', 'esm', 'electron-vite',
  'ember-cli', 'preact-cli', '@web/dev-server', 'snowpack', 'storybook', 'turbopack',
];

export function isBundled(manifests: readonly (PackageJson | undefined)[]): boolean {
  return manifests.some((m) => m !== undefined && BUILD_TOOLS.some((tool) => m.dependencies.has(tool)));
}
