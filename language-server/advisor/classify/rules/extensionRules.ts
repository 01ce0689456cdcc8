import { at, isRecord } from '../../../scanner/ecosystems/values';
import type { ClassifyFacts } from '../classifyFacts';
import { hasField } from '../evidenceText';
import { depRule, fileRule } from '../rule';
import type { Rule } from '../rule';

/** Keys of a WebExtension manifest that make it do something in the browser. */
const BROWSER_PARTS = ['background', 'content_scripts', 'action', 'browser_action', 'page_action', 'devtools_page', 'chrome_url_overrides', 'side_panel', 'sidebar_action'];

export const EXTENSION_RULES: readonly Rule[] = [
  {
    id: 'vscode-engine', type: 'editor-extension', weight: 0.95,
    test: (f) => engine(f, 'vscode', 'VS Code loads it as an extension'),
  },
  {
    id: 'vscode-contributes', type: 'editor-extension', weight: 0.5,
    test: (f) => {
      const doc = f.packageJson?.doc;
      if (!isRecord(doc?.contributes) || (doc.activationEvents === undefined && doc.publisher === undefined)) return null;
      return `${hasField('package.json', 'contributes', doc.contributes)} with ${doc.publisher !== undefined ? '"publisher"' : '"activationEvents"'}: the shape of an editor extension manifest`;
    },
  },
  { id: 'atom-engine', type: 'editor-extension', weight: 0.9, test: (f) => engine(f, 'atom', 'an Atom/Pulsar package') },
  fileRule('jetbrains-plugin', 'editor-extension', 0.9, ['src/main/resources/META-INF/plugin.xml'], 'a JetBrains IDE plugin descriptor'),
  depRule('obsidian-plugin', 'editor-extension', 0.8, 'npm', ['obsidian'], 'any', 'the Obsidian plugin API'),
  { id: 'web-manifest', type: 'browser-extension', weight: 0.95, test: webManifestWithParts },
  {
    id: 'web-manifest-bare', type: 'browser-extension', weight: 0.7,
    test: (f) => (f.webManifest && !webManifestWithParts(f) ? `${f.webManifest.file} has "manifest_version": ${String(f.webManifest.doc.manifest_version)}: a WebExtension manifest` : null),
  },
  depRule('extension-framework', 'browser-extension', 0.9, 'npm', ['wxt', 'plasmo', '@crxjs/vite-plugin', 'vite-plugin-web-extension'], 'any', 'a browser extension framework'),
  depRule('webextension-polyfill', 'browser-extension', 0.6, 'npm', ['webextension-polyfill'], 'runtime', 'the WebExtension API polyfill'),
  depRule('extension-tooling', 'browser-extension', 0.5, 'npm', ['web-ext', '@types/chrome', '@types/firefox-webext-browser', 'chrome-webstore-upload-cli'], 'any', 'browser extension typings or tooling'),
];

function engine(f: ClassifyFacts, name: string, why: string): string | null {
  const range = at(f.packageJson?.doc, 'engines', name);
  return range === undefined ? null : `package.json has "engines": {"${name}": ${JSON.stringify(range)}}: ${why}`;
}

function webManifestWithParts(f: ClassifyFacts): string | null {
  if (!f.webManifest) return null;
  const parts = BROWSER_PARTS.filter((k) => f.webManifest?.doc[k] !== undefined);
  if (parts.length === 0) return null;
  return `${f.webManifest.file} has "manifest_version": ${String(f.webManifest.doc.manifest_version)} and ${parts.map((p) => `"${p}"`).join(', ')}: a browser extension`;
}
