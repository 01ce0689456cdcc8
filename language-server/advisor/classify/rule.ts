import { isRecord } from '../../scanner/ecosystems/values';
import type { AlternativeType } from './projectTypes';
import type { ClassifyFacts, DepEcosystem, DepScope } from './classifyFacts';

export type RuleType = AlternativeType['type'];

/**
 * One piece of evidence for a type. `weight` is how surely this alone makes the project that type (0..1);
 * `test` returns the evidence sentence when the rule holds, null otherwise. Tests only look at the facts.
 */
export interface Rule {
  id: string;
  type: RuleType;
  weight: number;
  test(facts: ClassifyFacts): string | null;
}

/** The project depends on one of `names` in registry `eco`. */
export function depRule(id: string, type: RuleType, weight: number, eco: DepEcosystem, names: readonly string[], scope: DepScope, why: string): Rule {
  return {
    id, type, weight,
    test: (f) => {
      const hit = f.deps.find(eco, names, scope);
      return hit ? `${hit.manifest} depends on ${hit.name}: ${why}` : null;
    },
  };
}

/** One of `files` (top-level names or probed paths) exists. */
export function fileRule(id: string, type: RuleType, weight: number, files: readonly string[], why: string): Rule {
  return {
    id, type, weight,
    test: (f) => {
      const hit = files.find((file) => hasPath(f, file));
      return hit ? `${hit} exists: ${why}` : null;
    },
  };
}

export function hasPath(f: ClassifyFacts, rel: string): boolean {
  return rel.includes('/') ? f.paths.has(rel) : f.names.has(rel);
}

/** Front ends a web app renders in the browser; as runtime dependencies, not peers (a component library's). */
export const NPM_FRONT_ENDS = [
  'react-dom', 'react', 'vue', 'svelte', '@angular/core', 'solid-js', 'preact', '@builder.io/qwik', 'next', 'nuxt',
  '@sveltejs/kit', '@remix-run/react', 'lit', 'alpinejs', 'htmx.org',
];

/** Whether anything renders a UI: a browser front end, an HTML entry page, or a native shell. */
export function hasFrontEnd(f: ClassifyFacts): boolean {
  return hasBrowserUi(f) || nativeShell(f) !== null;
}

/** A UI that runs in a browser tab: a front-end framework the app ships, an HTML entry page, server templates. */
export function hasBrowserUi(f: ClassifyFacts): boolean {
  return f.deps.find('npm', NPM_FRONT_ENDS, 'runtime') !== null
    || ['index.html', 'public/index.html', 'src/index.html', 'templates'].some((p) => hasPath(f, p))
    || f.deps.find('cargo', ['yew', 'leptos', 'dioxus', 'sycamore'], 'runtime') !== null;
}

/**
 * What hosts a UI framework when it is not a web app: a native shell, an editor, or a site generator. React in
 * an Expo app or a Docusaurus site is evidence of that app or site, not of a second, web-app reading.
 */
export function uiHost(f: ClassifyFacts): string | null {
  const shell = nativeShell(f);
  if (shell) return shell;
  if (isEditorExtension(f)) return 'vscode';
  return f.deps.find('npm', SITE_GENERATORS, 'any')?.name ?? null;
}

/** A package VS Code loads: its `main` is the extension's entry, not a library's. */
export function isEditorExtension(f: ClassifyFacts): boolean {
  return f.packageJson !== null && isRecord(f.packageJson.doc.engines) && f.packageJson.doc.engines.vscode !== undefined;
}

export function nativeShell(f: ClassifyFacts): string | null {
  return f.deps.find('npm', NATIVE_SHELLS, 'any')?.name ?? f.deps.find('cargo', ['tauri'], 'runtime')?.name ?? null;
}

const NATIVE_SHELLS = ['electron', '@tauri-apps/api', 'react-native', 'expo', '@capacitor/core', '@nativescript/core'];
const SITE_GENERATORS = ['@docusaurus/core', 'gatsby', 'astro', '@11ty/eleventy', 'vitepress', 'vuepress', 'nextra'];
