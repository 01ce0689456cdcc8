import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { checkDevServerPort } from '../../../../language-server/troubleshooter/preventive/checkDevServerPort';
import { scriptPorts } from '../../../../language-server/troubleshooter/preventive/scriptPorts';
import type { ListeningPort } from '../../../../language-server/troubleshooter/preventive/types';
import { useProject, writeFiles } from './helpers';

describe('preventive dev-server ports', () => {
  const dir = useProject('port');
  let server: net.Server;
  let port = 0;

  beforeEach(async () => {
    server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** This test process holds the port, as if it belonged to `projectPath`. */
  function heldBy(projectPath: string | null): ListeningPort[] {
    return [{ port, pid: process.pid, command: `${process.execPath} ${process.argv[1] ?? ''}`, projectPath }];
  }

  it('a script whose explicit port another project holds: a warning on the script line with stop-port data', async () => {
    await writeFiles(dir(), { 'package.json': `{\n  "name": "web",\n  "scripts": {\n    "build": "vite build",\n    "dev": "vite --port ${port} --host"\n  }\n}\n` });
    const other = path.join(path.dirname(dir()), 'shop');
    const findings = await checkDevServerPort(dir(), heldBy(other));
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.deepEqual([finding?.ruleId, finding?.severity, finding?.line, finding?.column], ['preventive/port-taken', 'warning', 5, 5]);
    assert.deepEqual(finding?.data, { fixAction: 'stop-port', port, pid: process.pid, holder: 'node (shop)', script: 'dev', holderProject: other });
    assert.match(finding?.message ?? '', new RegExp(`\`dev\` will listen on port ${port}, which node \\(shop\\) \\(pid ${process.pid}\\) already holds`));
  });

  it('every way of writing the port is read', async () => {
    const forms = [`next dev -p ${port}`, `astro dev --port=${port}`, `PORT=${port} node server.js`, `cross-env PORT=${port} react-scripts start`,
      `gunicorn app:app -b 0.0.0.0:${port}`, `python manage.py runserver 0.0.0.0:${port}`, `uvicorn main:app --reload --port ${port}`, `npx serve -l ${port}`];
    for (const [i, start] of forms.entries()) {
      const project = path.join(dir(), String(i));
      await writeFiles(project, { 'package.json': { scripts: { start } } });
      assert.equal((await checkDevServerPort(project, heldBy(null))).length, 1, start);
    }
  });

  it('a holder in this project, its monorepo or a member is this dev server already running: not reported', async () => {
    await writeFiles(dir(), { 'package.json': { scripts: { dev: `vite --port ${port}` } } });
    assert.deepEqual(await checkDevServerPort(dir(), heldBy(dir())), []);
    assert.deepEqual(await checkDevServerPort(dir(), heldBy(path.dirname(dir()))), []);
    assert.deepEqual(await checkDevServerPort(dir(), heldBy(path.join(dir(), 'packages', 'api'))), []);
    assert.equal((await checkDevServerPort(dir(), heldBy(`${dir()}-other`))).length, 1);
  });

  it('a free port, a port in a non-dev script, or no listener table: nothing', async () => {
    await writeFiles(dir(), { 'package.json': { scripts: { dev: `vite --port ${port + 1 > 65535 ? 1 : port + 1}`, test: `vitest --port ${port}` } } });
    assert.deepEqual(await checkDevServerPort(dir(), heldBy(null)), []);
    assert.deepEqual(await checkDevServerPort(dir(), []), []);
  });

  it('a script that runs another one is followed, and the finding sits where the port is written', async () => {
    await writeFiles(dir(), { 'package.json': `{\n  "scripts": {\n    "dev": "run-p dev:*",\n    "dev:web": "npm run web",\n    "web": "next dev --port ${port}"\n  }\n}\n` });
    const [finding] = await checkDevServerPort(dir(), heldBy(null));
    assert.deepEqual([finding?.line, finding?.data?.script, finding?.data?.holder], [5, 'dev', 'node (no project)']);
  });

  it('defaults of well-known dev servers, and what overrides them', () => {
    const ports = (script: string): string[] => scriptPorts({ dev: script, api: 'uvicorn main:app' }, 'dev').map((p) => `${p.port} ${p.tool} ${p.how}`);
    assert.deepEqual(ports('vite'), ['5173 vite default']);
    assert.deepEqual(ports('vite build && vite preview'), ['4173 vite preview default']);
    assert.deepEqual(ports('next dev'), ['3000 next default']);
    assert.deepEqual(ports('PORT=4000 next dev'), ['4000 next env']);
    assert.deepEqual(ports('PORT=4000 vite'), ['5173 vite default'], 'vite ignores PORT');
    assert.deepEqual(ports('nuxi dev'), ['3000 nuxt default']);
    assert.deepEqual(ports('astro dev'), ['4321 astro default']);
    assert.deepEqual(ports('react-scripts start'), ['3000 react-scripts default']);
    assert.deepEqual(ports('ng serve'), ['4200 ng serve default']);
    assert.deepEqual(ports('remix dev'), ['3000 remix default']);
    assert.deepEqual(ports('python -m flask run'), ['5000 flask default']);
    assert.deepEqual(ports('concurrently "vite" "npm:api"'), ['5173 vite default', '8000 uvicorn default']);
    assert.deepEqual(scriptPorts({ dev: 'PORT=4100 npm run web', web: 'node server.js' }, 'dev').map((p) => `${p.port} ${p.script}`), ['4100 web']);
    for (const none of ['vite build', 'next build', 'ng build', 'tsc -p tsconfig.json', 'node server.js', 'astro check', 'docker run -p 8080:80 img']) {
      assert.deepEqual(ports(none), [], none);
    }
  });
});
