import * as vscode from 'vscode';
import { newNonce, webviewHtml } from './webviewHtml';

/**
 * Loads one app of webviews/ (`dist/webviews/<app>.js` and `.css`) into a panel, new or restored after a
 * reload: scripts on, only that folder readable, the page with its nonce CSP. Every panel is loaded here.
 */
export function loadApp(context: vscode.ExtensionContext, panel: vscode.WebviewPanel, app: string): void {
  const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webviews');
  panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
  panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'optimus.svg');
  const uri = (file: string): string => panel.webview.asWebviewUri(vscode.Uri.joinPath(root, file)).toString();
  panel.webview.html = webviewHtml({ title: panel.title, cspSource: panel.webview.cspSource, nonce: newNonce(), script: uri(`${app}.js`), style: uri(`${app}.css`) });
}
