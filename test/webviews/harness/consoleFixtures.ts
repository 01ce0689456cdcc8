import type { ConsoleMessage, DiagnosisInfo, HistoryEntry } from '../../../webviews/console/protocol';

/** A diagnosis as the console host sends it for a taken port. */
export function portDiagnosis(over: Partial<DiagnosisInfo> = {}): DiagnosisInfo {
  return {
    ref: 1,
    historyId: 41,
    id: 'port-in-use',
    title: 'Port already in use',
    summary: 'Port 3000 is already taken by another process. It is held by node (pid 4121, project shop).',
    confidence: 0.93,
    explanation: 'A server tried to listen on a port another process holds.\n\nStop the other process with `kill 4121`, or start this one on another port:\n\n- set `PORT=3001`\n- or change the dev script',
    by: 'rules',
    frames: [
      { file: '/home/dev/projects/shop/src/server.js', line: 12, column: 7, function: 'startServer' },
      { file: '/home/dev/projects/shop/src/index.js', line: 3, column: null, function: null },
    ],
    fixes: [
      { key: 'command:stop-port', title: 'Stop what holds port 3000', kind: 'command', command: null, guide: null },
      { key: 'command:npx kill-port', title: 'Free the port with kill-port', kind: 'command', command: 'npx kill-port 3000', guide: null },
      { key: 'guide:other-port', title: 'Use another port', kind: 'guide', command: null, guide: 'Set `PORT` in `.env`.' },
    ],
    alternatives: ['connection-refused'],
    projectPath: '/home/dev/projects/shop',
    ...over,
  };
}

/** Markup in every string the page shows: a page that parsed any of it as HTML would run `onerror`. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

export function hostileDiagnosis(): DiagnosisInfo {
  const base = portDiagnosis();
  return {
    ...base,
    ref: 2,
    title: `Title ${HOSTILE}`,
    summary: `Summary ${HOSTILE}`,
    explanation: `Explanation ${HOSTILE}\n\nSecond paragraph <script>window.__pwned=2</script> and \`${HOSTILE}\``,
    frames: [{ file: `/p/${HOSTILE}.js`, line: 1, column: 1, function: HOSTILE }],
    fixes: [{ key: 'guide:x', title: `Fix ${HOSTILE}`, kind: 'guide', command: null, guide: `Guide ${HOSTILE}` }],
  };
}

export function historyRow(over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 41,
    projectPath: '/home/dev/projects/shop',
    diagnosis: 'port-in-use',
    confidence: 0.93,
    source: 'input',
    summary: 'Port 3000 is already taken by another process.',
    excerpt: 'Error: listen EADDRINUSE: address already in use :::3000',
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    feedback: null,
    confirmed: null,
    outcomes: [],
    ...over,
  };
}

export const INIT: ConsoleMessage = {
  type: 'init',
  projects: [
    { path: '/home/dev/projects/shop', name: 'shop' },
    { path: '/home/dev/projects/blog', name: 'blog' },
  ],
  diagnosisIds: ['port-in-use', 'connection-refused', 'node-module-not-found', 'permission-denied'],
};

export const ERROR_TEXT = 'Error: listen EADDRINUSE: address already in use :::3000\n    at Server.setupListenHandle (node:net:1817:16)\n    at startServer (/home/dev/projects/shop/src/server.js:12:7)';
