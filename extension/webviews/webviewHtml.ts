import { randomBytes } from 'node:crypto';

export interface WebviewPage {
  title: string;
  /** `webview.cspSource`: the only origin scripts, styles, fonts and images may come from. */
  cspSource: string;
  /** A fresh value per page load: only the script tag carrying it may run. */
  nonce: string;
  /** `asWebviewUri` of dist/webviews/<app>.js */
  script: string;
  /** `asWebviewUri` of dist/webviews/<app>.css, when the app has one. */
  style?: string;
}

/**
 * The page every panel loads: nothing but its own bundle. The policy starts from `default-src 'none'`, so the
 * page cannot fetch, frame or connect anywhere; a script runs only with the nonce. lit's component styles are
 * constructed style sheets, which need no 'unsafe-inline'.
 */
export function webviewHtml(page: WebviewPage): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${page.nonce}'`,
    `style-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `img-src ${page.cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.style ? `<link rel="stylesheet" href="${attr(page.style)}">` : ''}
<title>${text(page.title)}</title>
</head>
<body>
<script nonce="${attr(page.nonce)}" src="${attr(page.script)}"></script>
</body>
</html>
`;
}

/** 128 random bits, as CSP wants a nonce: unguessable and new for every page. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
