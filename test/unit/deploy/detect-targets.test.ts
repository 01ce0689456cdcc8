import assert from 'node:assert/strict';
import path from 'node:path';
import { detectDeployTargets, imageName } from '../../../language-server/orchestrator/deploy/detect';
import type { DeployTarget } from '../../../language-server/orchestrator/deploy/types';
import { json, names, useTrees } from './helpers';

const detect = async (dir: string): Promise<DeployTarget[]> => detectDeployTargets(dir, await names(dir));
const brief = (targets: DeployTarget[]): [string, string | undefined][] => targets.map((t) => [path.basename(t.file), t.suggestedCommand]);

describe('deploy targets: each kind', () => {
  const tree = useTrees();

  it('fly.toml: `fly deploy`, with the app and region', async () => {
    const dir = await tree({ 'fly.toml': 'app = "shop-api"\nprimary_region = "ams"\n\n[http_service]\ninternal_port = 8080\n' });
    assert.deepEqual(await detect(dir), [{ kind: 'fly', file: path.join(dir, 'fly.toml'), label: 'Fly.io app shop-api', suggestedCommand: 'fly deploy', notes: ['app: shop-api', 'primary region: ams'] }]);
  });

  it('vercel.json: `vercel --prod`, with the framework; a linked .vercel folder alone is enough', async () => {
    const withFile = await detect(await tree({ 'vercel.json': json({ framework: 'nextjs' }) }));
    assert.deepEqual(withFile.map((t) => [t.kind, t.suggestedCommand, t.notes]), [['vercel', 'vercel --prod', ['framework: nextjs']]]);
    const linked = await detect(await tree({ '.vercel/project.json': json({ projectId: 'p' }) }));
    assert.deepEqual(linked.map((t) => [t.kind, t.suggestedCommand, t.notes]), [['vercel', 'vercel --prod', ['linked with `vercel link` (.vercel folder), no vercel.json']]]);
  });

  it('netlify.toml: `netlify deploy --prod`, with the build command and publish folder', async () => {
    const [t] = await detect(await tree({ 'netlify.toml': '[build]\ncommand = "npm run build"\npublish = "dist"\n' }));
    assert.deepEqual([t?.kind, t?.suggestedCommand, t?.notes], ['netlify', 'netlify deploy --prod', ['build command: npm run build', 'publishes dist']]);
  });

  it('compose: `docker compose up -d --build` with the services; only the file Compose picks by itself goes without -f', async () => {
    const dir = await tree({ 'compose.yaml': 'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n', 'docker-compose.yml': 'services:\n  web:\n    build: .\n' });
    const targets = await detect(dir);
    assert.deepEqual(brief(targets), [['compose.yaml', 'docker compose up -d --build'], ['docker-compose.yml', 'docker compose -f docker-compose.yml up -d --build']]);
    assert.deepEqual(targets[0]?.notes, ['services: web, db']);
  });

  it('compose: a production file comes first; an override file is merged, not a target of its own', async () => {
    const dir = await tree({
      'docker-compose.yml': 'services:\n  web:\n    build: .\n',
      'docker-compose.override.yml': 'services:\n  web:\n    ports: ["3000:3000"]\n',
      'docker-compose.prod.yml': 'services:\n  web:\n    build: .\n',
    });
    const targets = await detect(dir);
    assert.deepEqual(brief(targets), [['docker-compose.prod.yml', 'docker compose -f docker-compose.prod.yml up -d --build'], ['docker-compose.yml', 'docker compose up -d --build']]);
    assert.deepEqual(targets[1]?.notes, ['services: web', 'docker-compose.override.yml is merged in by Compose']);
  });

  it('Dockerfile: `docker build -t NAME .`, named after the folder; other Dockerfiles with -f; the base image and ports noted', async () => {
    const dir = await tree({ Dockerfile: 'FROM node:22 AS build\nRUN x\nFROM node:22-slim\nEXPOSE 3000 9229/tcp\nCMD ["node", "a.js"]\n', 'Dockerfile.worker': 'FROM python:3.12\n' }, 'My Shop.Web');
    const targets = await detect(dir);
    assert.deepEqual(brief(targets), [['Dockerfile', 'docker build -t my-shop.web .'], ['Dockerfile.worker', 'docker build -f Dockerfile.worker -t my-shop.web .']]);
    assert.deepEqual(targets[0]?.notes, ['image from node:22-slim (2 stages)', 'exposes 3000, 9229/tcp']);
    assert.deepEqual(targets[1]?.notes, ['image from python:3.12']);
  });

  it('a Dockerfile without FROM is noted', async () => {
    const [t] = await detect(await tree({ Dockerfile: '# nothing yet\n' }));
    assert.deepEqual(t?.notes, ['no FROM line: this Dockerfile will not build']);
  });

  it('Procfile: no command (a git push deploys), the process types noted', async () => {
    const [t] = await detect(await tree({ Procfile: 'web: gunicorn app:app\nrelease: python manage.py migrate\n# comment\n' }));
    assert.deepEqual([t?.kind, t?.suggestedCommand, t?.notes], ['procfile', undefined, ['web: gunicorn app:app', 'release: python manage.py migrate', 'deploys with a git push to the platform']]);
  });

  it('render.yaml: no command, the services noted; railway.json: `railway up`', async () => {
    const targets = await detect(await tree({ 'render.yaml': 'services:\n  - type: web\n    name: api\n', 'railway.json': json({ deploy: { startCommand: 'npm start' } }) }));
    assert.deepEqual(targets.map((t) => [t.kind, t.suggestedCommand, t.notes]), [
      ['railway', 'railway up', ['start command: npm start']],
      ['render', undefined, ['services: api (web)', 'Render deploys the connected repository on push']],
    ]);
  });

  it('orders what deploys somewhere first: platforms, deploy workflows, push-to-deploy, then Compose and Docker', async () => {
    const dir = await tree({
      Dockerfile: 'FROM node:22\n', 'compose.yaml': 'services: {}\n', Procfile: 'web: npm start\n', 'render.yaml': 'services: []\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
      '.github/workflows/release.yml': 'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n',
      '.github/workflows/deploy.yml': 'on: [workflow_dispatch]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: fly deploy\n',
      'railway.json': '{}', 'netlify.toml': '', 'vercel.json': '{}', 'fly.toml': 'app = "a"\n',
    });
    assert.deepEqual((await detect(dir)).map((t) => `${t.kind}:${path.basename(t.file)}`), [
      'fly:fly.toml', 'vercel:vercel.json', 'netlify:netlify.toml', 'railway:railway.json',
      'github-actions:deploy.yml', 'github-actions:release.yml', 'render:render.yaml', 'procfile:Procfile', 'compose:compose.yaml', 'dockerfile:Dockerfile',
    ]);
  });

  it('reads the folder itself when no listing is given', async () => {
    const dir = await tree({ 'fly.toml': 'app = "a"\n' });
    assert.deepEqual((await detectDeployTargets(dir)).map((t) => t.kind), ['fly']);
  });

  it('finds nothing in a project with no deploy files', async () => {
    assert.deepEqual(await detect(await tree({ 'package.json': '{}', '.github/dependabot.yml': 'version: 2\n' })), []);
  });
});

describe('deploy targets: image names', () => {
  it('are lowercase, with only separators Docker accepts between letters and digits', () => {
    assert.equal(imageName('/p/My App'), 'my-app');
    assert.equal(imageName('/p/shop_api.v2'), 'shop_api.v2');
    assert.equal(imageName('/p/--Weird__..Name!!'), 'weird-name');
    assert.equal(imageName('/p/projet-été'), 'projet-ete');
    assert.equal(imageName('/p/日本'), 'app');
    assert.equal(imageName('/'), 'app');
  });
});
