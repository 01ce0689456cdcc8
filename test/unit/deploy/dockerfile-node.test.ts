import assert from 'node:assert/strict';
import { json, stack } from './helpers';
import { linesOf, useGenerator } from './generate';

const js = (frameworks: string[] = [], managers = ['npm']) => stack(['javascript'], frameworks, managers);

describe('Dockerfile: Node', () => {
  const generate = useGenerator();

  describe('bad input first', () => {
    it('a package.json that is not JSON: defaults, with a note, and still a sound Dockerfile', async () => {
      const r = await generate({ 'package.json': '{ "scripts": { "start": ', 'index.js': '' }, js());
      assert.equal(r.template, 'node-server');
      assert.ok(r.notes.some((n) => /^package\.json is not valid JSON/.test(n)), r.notes.join('\n'));
      assert.ok(linesOf(r.dockerfile).includes('CMD ["node", "index.js"]'));
    });

    it('a package.json that holds a list, or scripts that are not strings', async () => {
      const list = await generate({ 'package.json': '["start"]' }, js());
      assert.ok(list.notes.some((n) => /package\.json should hold a JSON object, but holds a list/.test(n)), list.notes.join('\n'));
      const odd = await generate({ 'package.json': json({ scripts: { build: 42, start: ['node', 'x.js'] }, main: 7 }) }, js());
      assert.ok(!/AS build/.test(odd.dockerfile), 'no build stage for a build script that is not a string');
      assert.ok(linesOf(odd.dockerfile).includes('CMD ["node", "index.js"]'));
    });

    it('no package.json (JavaScript seen only in sources) or a Deno project: no template, with a note', async () => {
      const bare = await generate({ 'app.js': 'console.log(1)' }, js([], []));
      assert.deepEqual([bare.template, bare.dockerfile], [null, '']);
      assert.match(bare.notes[0] ?? '', /no package\.json/);
      const deno = await generate({ 'deno.json': '{}', 'main.ts': '' }, stack(['typescript'], [], ['deno']));
      assert.equal(deno.template, null);
      assert.match(deno.notes[0] ?? '', /Deno/);
    });

    it('a huge or binary package.json is noted and defaults are used', async () => {
      const r = await generate({ 'package.json': Buffer.from([0x7b, 0, 0x7d]) }, js());
      assert.ok(r.notes.some((n) => /package\.json contains binary data/.test(n)), r.notes.join('\n'));
    });
  });

  it('Express on npm: production deps, a build stage when there is a build script, the start script, port 3000', async () => {
    const pkg = { scripts: { build: 'tsc -p .', start: 'node dist/server.js' }, dependencies: { express: '^4' } };
    const r = await generate({ 'package.json': json(pkg), 'package-lock.json': '{}', 'tsconfig.json': '{}' }, js(['express']));
    assert.equal(r.template, 'node-express');
    assert.equal(r.port, 3000);
    assert.deepEqual(linesOf(r.dockerfile), [
      'FROM node:22-bookworm-slim AS deps', 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci --omit=dev',
      'FROM node:22-bookworm-slim AS build', 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build && rm -rf node_modules',
      'FROM node:22-bookworm-slim AS runtime', 'WORKDIR /app', 'ENV NODE_ENV=production PORT=3000',
      'COPY --from=build --chown=node:node /app ./', 'COPY --from=deps --chown=node:node /app/node_modules ./node_modules',
      'USER node', 'EXPOSE 3000', 'CMD ["node", "dist/server.js"]',
    ]);
    assert.ok(r.dockerignore.split('\n').includes('node_modules'));
  });

  it('no build script: no build stage; no lockfile: npm install; the port the start script names', async () => {
    const r = await generate({ 'package.json': json({ scripts: { start: 'PORT=8080 node src/app.js' } }) }, js(['fastify']));
    assert.equal(r.template, 'node-fastify');
    assert.equal(r.port, 8080);
    const lines = linesOf(r.dockerfile);
    assert.ok(!lines.some((l) => / AS build$/.test(l)));
    assert.ok(lines.includes('RUN npm install --omit=dev'));
    assert.ok(lines.includes('ENV NODE_ENV=production PORT=8080'));
    assert.ok(lines.includes('CMD ["npm", "start"]'));
  });

  it('no start script: runs "main"', async () => {
    const r = await generate({ 'package.json': json({ main: 'src/app.js' }) }, js());
    assert.ok(linesOf(r.dockerfile).includes('CMD ["node", "src/app.js"]'));
  });

  it('pnpm and Yarn: their lockfiles, installs through corepack, Yarn Berry with its .yarn folder', async () => {
    const pnpm = await generate({ 'package.json': json({ scripts: { start: 'node a.js' } }), 'pnpm-lock.yaml': '' }, js(['express'], ['pnpm']));
    assert.ok(linesOf(pnpm.dockerfile).includes('COPY package.json pnpm-lock.yaml ./'));
    assert.ok(linesOf(pnpm.dockerfile).includes('RUN corepack enable && pnpm install --frozen-lockfile --prod'));
    const berry = await generate({ 'package.json': json({ packageManager: 'yarn@4.5.0', scripts: { build: 'tsc', start: 'node dist/a.js' } }), 'yarn.lock': '', '.yarnrc.yml': 'nodeLinker: node-modules\n', '.yarn/releases/yarn-4.5.0.cjs': '' }, js([], ['yarn']));
    const lines = linesOf(berry.dockerfile);
    assert.ok(lines.includes('COPY package.json yarn.lock .yarnrc.yml ./'));
    assert.ok(lines.includes('COPY .yarn ./.yarn'));
    assert.ok(lines.includes('RUN corepack enable && yarn install --immutable'));
    assert.ok(lines.includes('RUN corepack enable && yarn run build && rm -rf node_modules'));
    const classic = await generate({ 'package.json': json({ scripts: { start: 'node a.js' } }), 'yarn.lock': '' }, js([], ['yarn']));
    assert.ok(linesOf(classic.dockerfile).includes('RUN yarn install --frozen-lockfile --production'));
  });

  it('the Node version the engines field allows', async () => {
    const r = await generate({ 'package.json': json({ engines: { node: '^20.11.0' }, main: 'a.js' }) }, js());
    assert.match(r.dockerfile, /^FROM node:20-bookworm-slim AS deps$/m);
    const open = await generate({ 'package.json': json({ engines: { node: '>=18' }, main: 'a.js' }) }, js());
    assert.match(open.dockerfile, /^FROM node:22-bookworm-slim AS deps$/m);
  });

  it('Next.js with output standalone: copies the standalone server, static files and public/', async () => {
    const r = await generate({ 'package.json': json({ scripts: { build: 'next build', start: 'next start' } }), 'package-lock.json': '{}', 'next.config.mjs': "export default { output: 'standalone' };\n", public: { folder: true } }, js(['next', 'react']));
    assert.equal(r.template, 'node-next');
    assert.equal(r.port, 3000);
    const lines = linesOf(r.dockerfile);
    assert.ok(lines.includes('COPY --from=build --chown=node:node /app/.next/standalone ./'));
    assert.ok(lines.includes('COPY --from=build --chown=node:node /app/public ./public'));
    assert.ok(lines.includes('CMD ["node", "server.js"]'));
    assert.ok(!r.notes.some((n) => /standalone/.test(n)));
  });

  it('Next.js without standalone or public/: ships the build, does not copy a public/ that is not there', async () => {
    const r = await generate({ 'package.json': json({ scripts: { build: 'next build', start: 'next start -p 4000' } }), 'pnpm-lock.yaml': '' }, js(['next'], ['pnpm']));
    assert.equal(r.port, 4000);
    assert.ok(!r.dockerfile.includes('/app/public'));
    assert.ok(linesOf(r.dockerfile).includes('RUN corepack enable && pnpm run build'));
    assert.ok(r.notes.some((n) => /output: 'standalone'/.test(n)));
  });

  it('a Vite app with no server: built with Node, served by unprivileged nginx on 8080', async () => {
    const r = await generate({ 'package.json': json({ scripts: { build: 'vite build' }, devDependencies: { vite: '^5' } }), 'package-lock.json': '{}' }, js(['react']));
    assert.equal(r.template, 'node-vite-static');
    assert.equal(r.port, 8080);
    const lines = linesOf(r.dockerfile);
    assert.ok(lines.includes('RUN npm run build'));
    assert.ok(lines.includes('COPY --from=build /app/dist /usr/share/nginx/html'));
    assert.ok(lines.includes('CMD ["nginx", "-g", "daemon off;"]'));
  });

  it('a Vite app without a build script runs vite itself', async () => {
    const r = await generate({ 'package.json': json({ devDependencies: { vite: '^5' } }), 'yarn.lock': '' }, js([], ['yarn']));
    assert.ok(linesOf(r.dockerfile).includes('RUN yarn vite build'));
  });

  it('Nuxt: runs the server the build writes', async () => {
    const r = await generate({ 'package.json': json({ scripts: { build: 'nuxt build', dev: 'nuxt dev' } }), 'package-lock.json': '{}' }, js(['nuxt', 'vue']));
    assert.equal(r.template, 'node-nuxt');
    assert.ok(linesOf(r.dockerfile).includes('CMD ["node", ".output/server/index.mjs"]'));
    assert.ok(!r.notes.some((n) => /neither a "start" script/.test(n)));
  });

  it('notes that a Dockerfile already exists, and leaves it alone', async () => {
    const r = await generate({ 'package.json': json({ main: 'a.js' }), Dockerfile: 'FROM scratch\n' }, js());
    assert.ok(r.notes.some((n) => /already has a Dockerfile/.test(n)), r.notes.join('\n'));
  });
});
