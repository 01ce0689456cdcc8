import type { PortfolioRequest, Template } from '../types';
import { nodeFiles, readme, stack } from './common';

/**
 * Projects that really run: dependency-free Node servers (node:http only, nothing to install) with a
 * `.optimus.json` start command, for the README's "running" screenshot. Only a portfolio made with `runnable`
 * has them (never the benchmark's). Each listens on its `port` (or $PORT), the next one up when it is busy, logs
 * one line per request, and shuts down on SIGTERM.
 */

/** The listen-with-fallback, request log and shutdown every runnable server shares (ESM, Node 18+). */
const serverKit = (name: string, port: number): string => `const PORT = Number(process.env.PORT) || ${port};
const tty = process.stdout.isTTY;
const paint = (code, text) => (tty ? \`\\x1b[\${code}m\${text}\\x1b[0m\` : String(text));

/** One line per request: method, path, status, time taken, and what the handler noted. */
function logged(handler) {
  return (req, res) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status = paint(res.statusCode < 400 ? 32 : 33, res.statusCode);
      const note = res.note ? \` \${paint(36, res.note)}\` : '';
      console.log(\`\${req.method} \${req.url} \${status} \${paint(2, \`\${ms.toFixed(1)} ms\`)}\${note}\`);
    });
    handler(req, res);
  };
}

/** Listens on \`port\`, or the next free one when it is taken. */
function listen(server, port, tries = 10) {
  server.once('error', (err) => {
    if (err.code !== 'EADDRINUSE' || tries <= 1) throw err;
    console.log(paint(33, \`port \${port} is in use, trying \${port + 1}\`));
    listen(server, port + 1, tries - 1);
  });
  server.listen(port, () => console.log(\`${name} listening on \${paint(36, \`http://localhost:\${port}\`)}\`));
}

function shutdownOnSignal(server) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.log(\`\${signal}: shutting down\`);
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
}
`;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const stripe = (type: string, id: string): PortfolioRequest => ({
  method: 'POST',
  path: '/hooks/stripe',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ type, data: { object: { id } } }),
});

const github = (event: string, payload: unknown): PortfolioRequest => ({
  method: 'POST',
  path: '/hooks/github',
  headers: { 'content-type': 'application/json', 'x-github-event': event },
  body: JSON.stringify(payload),
});

/** A status page for a handful of services: an HTML page and its JSON at /api/status. */
export const statusPage: Template = {
  id: 'status-page',
  suffix: 'page',
  stack: stack(['javascript'], [], ['npm']),
  heavy: [],
  ignore: ['node_modules/', '*.log'],
  run: {
    command: 'node server.js',
    port: 4100,
    // what a browser opening the page asks for
    requests: ['/', '/style.css', '/app.js', '/api/status'].map((p) => ({ method: 'GET', path: p })),
  },
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'npm',
      deps: {},
      scripts: { start: 'node server.js', dev: 'node --watch server.js', test: 'node --test' },
      extra: { description: 'Public status page for our services', engines: { node: '>=20' } },
    }),
    '.optimus.json': json({ start: 'node server.js' }),
    'README.md': readme(name, 'The public status page: one HTML page and `/api/status`, read from `services.json`. No dependencies.', 'npm start\n# or: PORT=8080 node server.js'),
    'services.json': json([
      { id: 'api', name: 'Public API', status: 'operational', uptime: 99.98 },
      { id: 'web', name: 'Web app', status: 'operational', uptime: 99.95 },
      { id: 'search', name: 'Search', status: 'degraded', uptime: 99.61, note: 'Slow reindexing after the 2.4 upgrade' },
      { id: 'billing', name: 'Billing', status: 'operational', uptime: 100 },
    ]),
    'public/index.html': `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <title>Status</title>\n    <link rel="stylesheet" href="/style.css" />\n  </head>\n  <body>\n    <h1>System status</h1>\n    <ul id="services"></ul>\n    <script type="module" src="/app.js"></script>\n  </body>\n</html>\n`,
    'public/style.css': 'body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; }\n.operational { color: #1a7f37; }\n.degraded { color: #9a6700; }\n.outage { color: #cf222e; }\n',
    'public/app.js': "const { services } = await (await fetch('/api/status')).json();\ndocument.getElementById('services').innerHTML = services\n  .map((s) => `<li class=\"${s.status}\">${s.name}: ${s.status} (${s.uptime}% uptime)</li>`)\n  .join('');\n",
    'server.js': `import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';

${serverKit(name, 4100)}
const PUBLIC = new URL('./public/', import.meta.url).pathname;
const TYPES = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript' };
const services = JSON.parse(await readFile(new URL('./services.json', import.meta.url), 'utf8'));

const server = createServer(logged(async (req, res) => {
  if (req.url === '/api/status') {
    const down = services.filter((s) => s.status !== 'operational');
    res.note = down.length ? \`\${down.length} of \${services.length} not operational\` : 'all operational';
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ updated: new Date().toISOString(), services }));
  }
  const file = req.url === '/' ? 'index.html' : req.url.slice(1);
  try {
    const body = await readFile(join(PUBLIC, file.replace(/\\.\\.+/g, '')));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}));

listen(server, PORT);
shutdownOnSignal(server);
`,
    'test/services.test.js': "import assert from 'node:assert/strict';\nimport { readFile } from 'node:fs/promises';\nimport { test } from 'node:test';\n\ntest('every service has a known status', async () => {\n  const services = JSON.parse(await readFile(new URL('../services.json', import.meta.url), 'utf8'));\n  for (const s of services) assert.ok(['operational', 'degraded', 'outage'].includes(s.status), s.id);\n});\n",
  }),
};

/** Receives webhooks (GitHub, Stripe) and queues a delivery per target for each; GET /deliveries lists them. */
export const webhookRelay: Template = {
  id: 'webhook-relay',
  suffix: 'relay',
  stack: stack(['javascript'], [], ['npm']),
  heavy: [],
  ignore: ['node_modules/', '.env'],
  run: {
    command: 'node server.js',
    port: 4200,
    requests: [
      github('push', { ref: 'refs/heads/main', repository: { full_name: 'acme/storefront' }, commits: [{ id: 'a1b2c3d' }, { id: 'e4f5a6b' }, { id: 'c7d8e9f' }] }),
      github('pull_request', { action: 'opened', number: 128, repository: { full_name: 'acme/storefront' } }),
      stripe('invoice.paid', 'in_1Q2w3E'),
      github('push', { ref: 'refs/heads/main', repository: { full_name: 'acme/docs' }, commits: [{ id: 'f0e1d2c' }] }),
      github('release', { action: 'published', release: { tag_name: 'v2.4.1' }, repository: { full_name: 'acme/storefront' } }),
      stripe('charge.failed', 'ch_3P9xKq'),
      { method: 'GET', path: '/deliveries' },
    ],
  },
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'npm',
      deps: {},
      scripts: { start: 'node server.js', dev: 'node --watch server.js' },
      extra: { description: 'Fans incoming webhooks out to internal services', engines: { node: '>=20' } },
    }),
    '.optimus.json': json({ start: 'node server.js' }),
    'README.md': readme(name, 'Receives webhooks on `/hooks/<source>` and queues one delivery per target listed in `routes.json`. No dependencies.', 'npm start\ncurl -X POST -H "x-github-event: push" -d @fixtures/push.json localhost:4200/hooks/github'),
    'routes.json': json({
      github: { push: ['ci', 'chat'], pull_request: ['ci', 'chat'], release: ['deploy', 'chat'] },
      stripe: { 'invoice.paid': ['billing'], 'charge.failed': ['billing', 'chat'] },
    }),
    'fixtures/push.json': json({ ref: 'refs/heads/main', repository: { full_name: 'acme/storefront' }, commits: [{ id: 'a1b2c3d' }, { id: 'e4f5a6b' }, { id: 'c7d8e9f' }] }),
    'server.js': `import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

${serverKit(name, 4200)}
const routes = JSON.parse(await readFile(new URL('./routes.json', import.meta.url), 'utf8'));
const deliveries = [];

async function body(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

/** "push acme/storefront (3 commits)", "pull_request acme/storefront #128 opened", "invoice.paid in_1Q2w3E". */
function describe(source, event, payload) {
  if (source === 'github') {
    const count = (n) => \`(\${n} commit\${n === 1 ? '' : 's'})\`;
    const what = payload.commits ? count(payload.commits.length)
      : payload.number ? \`#\${payload.number} \${payload.action ?? ''}\`
        : payload.release ? \`\${payload.release.tag_name} \${payload.action ?? ''}\` : '';
    return \`\${event} \${payload.repository?.full_name ?? '?'} \${what}\`.trim();
  }
  return \`\${event} \${payload.data?.object?.id ?? ''}\`.trim();
}

const server = createServer(logged(async (req, res) => {
  const hook = req.method === 'POST' && /^\\/hooks\\/(\\w+)$/.exec(req.url);
  if (hook) {
    const source = hook[1];
    const payload = await body(req).catch(() => null);
    const event = req.headers['x-github-event'] ?? payload?.type;
    const targets = routes[source]?.[event];
    if (!payload || !targets) return res.writeHead(payload ? 204 : 400).end();
    for (const target of targets) deliveries.push({ id: deliveries.length + 1, source, event, target, at: new Date().toISOString() });
    res.note = \`\${describe(source, event, payload)} → \${targets.join(', ')}\`;
    return res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ queued: targets.length }));
  }
  if (req.method === 'GET' && req.url === '/deliveries') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(deliveries.slice(-50)));
  }
  if (req.url === '/health') return res.writeHead(200).end('ok');
  res.writeHead(404).end();
}));

listen(server, PORT);
shutdownOnSignal(server);
`,
  }),
};

/** Added after the `count` projects of a `runnable` portfolio, under these fixed names. */
export const RUNNABLE: readonly { name: string; template: Template }[] = [
  { name: 'status-page', template: statusPage },
  { name: 'webhook-relay', template: webhookRelay },
];
