import assert from 'node:assert/strict';
import path from 'node:path';
import { scanProject } from '../../../../language-server/scanner/scan';
import { writeTree } from '../../../integration/helpers/files';
import { git, gitRepo } from '../../../integration/helpers/git';
import { useTempDir } from '../../../integration/helpers/tempDir';
import { json } from '../classify/scanFixture';
import { assessFixture, assessProject } from './fixtureAssessment';

const MIT = 'MIT License\n\nCopyright (c) 2024 Someone\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n';
const AGPL = '                    GNU AFFERO GENERAL PUBLIC LICENSE\n                       Version 3, 19 November 2007\n';
const APACHE = '                                 Apache License\n                           Version 2.0, January 2004\n';

describe('advisor: each monetization template on fixture projects', () => {
  const tmp = useTempDir('monetize');

  describe('saas-subscription', () => {
    it('counts auth, payments, a pricing route and a deploy config, and names no gap for them', async () => {
      const a = await assessFixture(tmp(), 'saas', {
        'package.json': json({ name: 'saas', private: true, dependencies: { next: '^14.0.0', react: '^18.0.0', 'react-dom': '^18.0.0', 'next-auth': '^4.24.0', stripe: '^16.0.0', '@vercel/analytics': '^1.0.0' } }),
        'app/page.tsx': '', 'app/pricing/page.tsx': '', 'vercel.json': '{}', 'README.md': '# SaaS',
      });
      assert.equal(a.classification.type, 'web-app');
      const saas = a.model('saas-subscription');
      assert.equal(a.opportunities[0]?.model, 'saas-subscription', 'ranked first for a web app');
      assert.deepEqual(a.signalIds('saas-subscription').sort(), ['deployed', 'has-analytics', 'has-auth', 'has-landing-page', 'has-payments', 'has-pricing-page']);
      assert.ok(saas.signals.includes('has-payments: package.json depends on stripe'), saas.signals.join('\n'));
      assert.ok(saas.signals.includes('has-pricing-page: app/pricing is a pricing page or route'));
      assert.deepEqual(saas.gaps, []);
    });

    it('lists the gaps of a bare web app: no auth, no payments, no pricing page, not deployed', async () => {
      const a = await assessFixture(tmp(), 'bare', { 'package.json': json({ name: 'bare', private: true, dependencies: { react: '^18.0.0', 'react-dom': '^18.0.0' }, devDependencies: { vite: '^5.0.0' } }), 'index.html': '' });
      const gaps = a.model('saas-subscription').gaps;
      for (const gap of [/^No auth:/, /^No payments integration:/, /^No pricing page:/, /^Not deployed:/, /^No product analytics:/]) assert.ok(gaps.some((g) => gap.test(g)), `${gap} in\n${gaps.join('\n')}`);
      assert.ok(!gaps.some((g) => g.startsWith('No landing page')), 'index.html is one');
    });
  });

  describe('usage-based-api', () => {
    it('counts API docs (FastAPI), rate limiting, payments and a deploy config', async () => {
      const a = await assessFixture(tmp(), 'api', { 'requirements.txt': 'fastapi\nslowapi\nstripe\npyjwt\n', 'main.py': '', 'fly.toml': 'app = "api"\n' });
      assert.equal(a.classification.type, 'api-service');
      assert.equal(a.opportunities[0]?.model, 'usage-based-api');
      assert.deepEqual(a.signalIds('usage-based-api').sort(), ['deployed', 'has-api-docs', 'has-auth', 'has-payments', 'has-rate-limiting']);
      assert.deepEqual(a.model('usage-based-api').gaps.map((g) => g.split(':')[0]), ['No pricing page']);
    });

    it('lists every gap of a bare express API', async () => {
      const a = await assessFixture(tmp(), 'bare-api', { 'package.json': json({ name: 'bare-api', private: true, dependencies: { express: '^4.0.0' } }) });
      assert.deepEqual(a.model('usage-based-api').gaps.map((g) => g.split(':')[0]), ['No API keys or auth', 'No payments integration', 'No rate limiting', 'No API documentation', 'Not deployed', 'No pricing page']);
    });
  });

  describe('marketplace-listing', () => {
    it('sees a VS Code extension with a publisher, README and LICENSE as store-ready, missing payments and a changelog', async () => {
      const a = await assessFixture(tmp(), 'ext', { 'package.json': json({ name: 'ext', version: '1.0.0', publisher: 'me', engines: { vscode: '^1.90.0' }, main: 'out/extension.js', contributes: {} }), 'README.md': '# Ext', LICENSE: MIT });
      assert.equal(a.opportunities[0]?.model, 'marketplace-listing');
      assert.deepEqual(a.signalIds('marketplace-listing').sort(), ['has-license', 'has-readme', 'marketplace-ready']);
      assert.deepEqual(a.model('marketplace-listing').gaps.map((g) => g.split(':')[0]), ['No payments integration', 'No changelog']);
    });

    it('says a browser extension without icons is not store-ready', async () => {
      const a = await assessFixture(tmp(), 'bext', { 'manifest.json': json({ manifest_version: 3, name: 'x', version: '1', action: {} }) });
      assert.equal(a.classification.type, 'browser-extension');
      assert.ok(a.model('marketplace-listing').gaps.some((g) => g.startsWith('Not store-ready')));
    });
  });

  describe('sponsorships', () => {
    it('counts a github.com remote, an MIT LICENSE, funding links and a publishable package', async () => {
      const dir = path.join(tmp(), 'lib');
      await writeTree(dir, { 'package.json': json({ name: 'tiny-lib', version: '1.2.3', exports: './index.js', license: 'MIT' }), LICENSE: MIT, 'README.md': '# lib', '.github/FUNDING.yml': 'github: [me]\n', 'index.test.js': '' });
      await gitRepo(dir);
      await git(dir, 'remote', 'add', 'origin', 'git@github.com:me/tiny-lib.git');
      const a = await assessProject((await scanProject(dir, tmp(), null))![0]!);
      assert.equal(a.opportunities[0]?.model, 'sponsorships');
      const sponsor = a.model('sponsorships');
      assert.ok(sponsor.signals.includes('public-repo: the git remote is on github.com (visibility not checked offline)'), sponsor.signals.join('\n'));
      assert.ok(sponsor.signals.includes('open-source-license: package.json "license" says "MIT": an open-source license'));
      assert.ok(sponsor.signals.includes('has-funding: .github/FUNDING.yml exists'));
      assert.ok(sponsor.signals.includes('published-package: package.json names the public package tiny-lib@1.2.3'));
      assert.deepEqual(sponsor.gaps, []);
      assert.ok(sponsor.confidence >= 0.8, `confidence ${sponsor.confidence}`);
    });

    it('lists the gaps of a private library without a remote, a license or funding links', async () => {
      const a = await assessFixture(tmp(), 'solo', { 'Cargo.toml': '[package]\nname = "solo"\nversion = "0.1.0"\npublish = false\n', 'src/lib.rs': '' });
      assert.deepEqual(a.model('sponsorships').gaps.map((g) => g.split(':')[0]), ['No public repository remote', 'No open-source LICENSE', 'No funding links', 'No README', 'Not publishable as a package']);
    });
  });

  describe('open-core', () => {
    it('counts an Apache core, an ee/ folder and a Dockerfile', async () => {
      const a = await assessFixture(tmp(), 'oc', { 'package.json': json({ name: 'oc', private: true, dependencies: { fastify: '^5.0.0' } }), LICENSE: APACHE, 'ee/LICENSE': 'Commercial', Dockerfile: 'FROM node:22\n' });
      assert.deepEqual(a.signalIds('open-core').sort(), ['has-commercial-edition', 'open-source-license', 'self-hostable']);
      assert.ok(a.model('open-core').signals.includes('open-source-license: LICENSE: an open-source license'));
      assert.ok(!a.model('open-core').gaps.some((g) => g.startsWith('No commercial edition')));
    });
  });

  describe('dual-licensing', () => {
    it('counts an AGPL license as copyleft and ranks dual licensing above it for a permissive library', async () => {
      const agpl = await assessFixture(tmp(), 'agpl', { 'pyproject.toml': '[project]\nname = "agpl-lib"\nversion = "1.0"\n', LICENSE: AGPL, 'LICENSE-COMMERCIAL.md': 'terms' });
      assert.equal(agpl.classification.type, 'library');
      assert.ok(agpl.model('dual-licensing').signals.includes('copyleft-license: LICENSE: a copyleft license'), agpl.model('dual-licensing').signals.join('\n'));
      assert.ok(agpl.signalIds('dual-licensing').includes('has-commercial-edition'));
      const mit = await assessFixture(tmp(), 'mit', { 'pyproject.toml': '[project]\nname = "mit-lib"\nversion = "1.0"\nlicense = "MIT"\n', LICENSE: MIT });
      assert.ok(mit.model('dual-licensing').gaps.some((g) => g.startsWith('Not copyleft')));
      assert.ok(agpl.model('dual-licensing').confidence > mit.model('dual-licensing').confidence);
    });
  });

  describe('paid-support', () => {
    it('counts a docs site and a changelog; names a missing landing page', async () => {
      const a = await assessFixture(tmp(), 'supported', { 'pyproject.toml': '[project]\nname = "supported"\nversion = "2.0"\nlicense = "Apache-2.0"\n', 'mkdocs.yml': 'site_name: s\n', 'CHANGELOG.md': '', 'tests/test_x.py': '' });
      assert.deepEqual(a.signalIds('paid-support').sort(), ['has-changelog', 'has-docs-site', 'has-tests', 'open-source-license']);
      assert.ok(a.model('paid-support').gaps.some((g) => g.startsWith('No page offering support')));
    });
  });

  describe('one-time-licence', () => {
    it('counts Paddle and an electron-builder config for a desktop app', async () => {
      const a = await assessFixture(tmp(), 'desk', { 'package.json': json({ name: 'desk', private: true, main: 'main.js', devDependencies: { electron: '^31.0.0' }, dependencies: { '@paddle/paddle-js': '^1.0.0' }, build: { appId: 'com.me.desk' } }) });
      assert.equal(a.classification.type, 'desktop-app');
      assert.equal(a.opportunities[0]?.model, 'one-time-licence');
      assert.deepEqual(a.signalIds('one-time-licence').sort(), ['has-payments', 'marketplace-ready']);
      assert.ok(a.model('one-time-licence').gaps.some((g) => g.startsWith('No landing page')));
    });
  });

  describe('ads', () => {
    it('counts a Netlify deploy for a static site and names the missing ad and analytics integrations', async () => {
      const a = await assessFixture(tmp(), 'blog', { 'hugo.toml': 'title = "b"\n', 'content/_index.md': '', 'netlify.toml': '[build]\ncommand = "hugo"\npublish = "public"\n' });
      assert.equal(a.classification.type, 'static-site');
      assert.equal(a.opportunities[0]?.model, 'ads');
      assert.deepEqual(a.signalIds('ads'), ['deployed']);
      assert.deepEqual(a.model('ads').gaps.map((g) => g.split(':')[0]), ['No ad integration', 'No analytics']);
    });
  });
});
