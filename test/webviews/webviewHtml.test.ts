import assert from 'node:assert/strict';
import { newNonce, webviewHtml } from '../../extension/webviews/webviewHtml';

describe('webview page (extension/webviews/webviewHtml.ts)', () => {
  const page = webviewHtml({ title: 'Console', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'abc123', script: 'https://x/console.js', style: 'https://x/console.css' });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';

  it('denies everything by default and lets only the nonce’s script run', () => {
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-abc123'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('loads styles, fonts and images only from the webview’s resource origin', () => {
    assert.match(csp, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net/);
    assert.match(csp, /font-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net/);
    assert.doesNotMatch(csp, /connect-src|frame-src/);
  });

  it('has one script, the bundle, carrying the nonce', () => {
    assert.deepEqual(page.match(/<script[^>]*>/g), ['<script nonce="abc123" src="https://x/console.js">']);
    assert.match(page, /<link rel="stylesheet" href="https:\/\/x\/console.css">/);
  });

  it('makes a new unguessable nonce each time', () => {
    const a = newNonce();
    assert.notEqual(a, newNonce());
    assert.ok(Buffer.from(a, 'base64').length >= 16);
  });
});
