import assert from 'node:assert/strict';
import { pickEcosystem } from '../../../language-server/orchestrator/deploy/dockerfile';
import { json, stack } from './helpers';
import { linesOf, useGenerator } from './generate';

describe('Dockerfile: Ruby, PHP, and stacks without a template', () => {
  const generate = useGenerator();

  describe('bad input first', () => {
    it('no template for a stack it does not know: template null, empty texts, a note naming the stack', async () => {
      for (const s of [stack(['elixir'], ['phoenix'], ['mix']), stack([], ['docker']), stack([])]) {
        const r = await generate({ 'README.md': '' }, s);
        assert.deepEqual([r.template, r.dockerfile, r.dockerignore, r.port], [null, '', '', undefined]);
        assert.match(r.notes[0] ?? '', /^No Dockerfile template fits /);
      }
    });

    it('a composer.json that is not JSON: the default PHP version, with a note', async () => {
      const r = await generate({ 'composer.json': '{ "require": ', 'index.php': '' }, stack(['php'], [], ['composer']));
      assert.match(r.dockerfile, /^FROM php:8\.3-apache AS runtime$/m);
      assert.ok(r.notes.some((n) => /composer\.json is not valid JSON/.test(n)), r.notes.join('\n'));
    });

    it('a Gemfile without a lockfile: no deployment mode (it needs a lockfile)', async () => {
      const r = await generate({ Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\n", 'config.ru': '' }, stack(['ruby'], ['sinatra'], ['bundler']));
      assert.ok(!r.dockerfile.includes('BUNDLE_DEPLOYMENT'));
      assert.ok(linesOf(r.dockerfile).includes('COPY Gemfile ./'));
    });
  });

  it('Rails: the Ruby version of .ruby-version, the database client libraries, assets precompiled, port 3000', async () => {
    const r = await generate({ Gemfile: "gem 'rails'\ngem 'pg'\n", 'Gemfile.lock': '', '.ruby-version': 'ruby-3.2.2\n', bin: { folder: true } }, stack(['ruby'], ['rails'], ['bundler']));
    assert.equal(r.template, 'ruby-rails');
    assert.equal(r.port, 3000);
    const lines = linesOf(r.dockerfile);
    assert.equal(lines[0], 'FROM ruby:3.2-slim AS base');
    assert.ok(lines.includes('ENV BUNDLE_DEPLOYMENT=1 BUNDLE_PATH=/usr/local/bundle BUNDLE_WITHOUT=development:test RAILS_ENV=production'));
    assert.ok(lines.some((l) => /apt-get install .*libpq-dev/.test(l)) && lines.some((l) => /apt-get install .*libpq5/.test(l)));
    assert.ok(lines.includes('RUN SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile'));
    assert.ok(lines.includes('CMD ["./bin/rails", "server", "-b", "0.0.0.0", "-p", "3000"]'));
  });

  it('Sinatra: a Rack app on 9292', async () => {
    const r = await generate({ Gemfile: "gem 'sinatra'\n", 'Gemfile.lock': '', 'config.ru': '' }, stack(['ruby'], ['sinatra'], ['bundler']));
    assert.deepEqual([r.template, r.port], ['ruby-rack', 9292]);
  });

  it('Laravel: vendor and asset stages, public/ as the document root, Apache on 8080 as www-data', async () => {
    const r = await generate({ 'composer.json': json({ require: { php: '^8.2', 'laravel/framework': '^11' } }), 'composer.lock': '{}', 'package.json': '{}', public: { folder: true } }, stack(['php'], ['laravel'], ['composer']));
    assert.equal(r.template, 'php-laravel');
    assert.equal(r.port, 8080);
    const lines = linesOf(r.dockerfile);
    assert.ok(lines.includes('FROM composer:2 AS vendor'));
    assert.ok(lines.includes('COPY composer.json composer.lock ./'));
    assert.ok(lines.includes('FROM php:8.3-apache AS runtime'));
    assert.ok(lines.includes('COPY --from=assets --chown=www-data:www-data /app/public/build ./public/build'));
    assert.ok(lines.some((l) => l.includes('!/var/www/html/public!g')));
    assert.ok(lines.includes('CMD ["apache2-foreground"]'));
    assert.ok(lines.includes('RUN npm install && npm run build'), 'npm ci needs a package-lock.json, which this project has not');
  });

  it('plain PHP without Composer: the files as they are', async () => {
    const r = await generate({ 'index.php': '<?php echo 1;' }, stack(['php']));
    assert.equal(r.template, 'php');
    assert.ok(!r.dockerfile.includes('composer'));
    assert.ok(linesOf(r.dockerfile).includes('COPY --chown=www-data:www-data . ./'));
  });

  it('picks the server framework over the language when a project has both (Django with a package.json for assets)', () => {
    assert.equal(pickEcosystem(stack(['javascript', 'python'], ['django', 'react'], ['npm', 'pip'])), 'python');
    assert.equal(pickEcosystem(stack(['javascript', 'ruby'], ['rails'], ['npm', 'bundler'])), 'ruby');
    assert.equal(pickEcosystem(stack(['csharp'], ['dotnet'], ['nuget'])), 'dotnet');
    assert.equal(pickEcosystem(stack(['kotlin'], [], ['gradle'])), 'java');
    assert.equal(pickEcosystem(stack(['cpp'], [], ['cmake'])), null);
  });
});
