import { parseJsonText } from '../../scanner/ecosystems/parse';
import { asString, isRecord } from './readProjectFile';
import { pickVersion } from './versions';
import { dockerignore, lines, versionIn, type Ecosystem, type Template, type TemplateContext } from './templateKit';
import type { DockerfileResult } from './types';

export const scriptTemplates: Pick<Record<Ecosystem, Template>, 'ruby' | 'php'> = { ruby: rubyImage, php: phpImage };

/** Native gems compile in the build stage; the runtime only gets the installed bundle and the app. */
async function rubyImage(ctx: TemplateContext): Promise<DockerfileResult> {
  const gemfile = await ctx.text('Gemfile');
  const pinned = versionIn((await ctx.text('.ruby-version'))?.trim().replace(/^ruby-/, ''));
  const version = pinned ?? pickVersion(gemfile ? /^\s*ruby\s+["']([^"']+)["']/m.exec(gemfile)?.[1] : undefined, '3.3');
  const rails = ctx.stack.frameworks.includes('rails');
  const runtimeLibs = [(await ctx.hasDependency('pg')) && 'libpq5', (await ctx.hasDependency('mysql2')) && 'default-mysql-client', 'libyaml-0-2'].filter(Boolean).join(' ');
  const buildLibs = ['build-essential', 'git', 'pkg-config', 'libyaml-dev', (await ctx.hasDependency('pg')) && 'libpq-dev', (await ctx.hasDependency('mysql2')) && 'default-libmysqlclient-dev'].filter(Boolean).join(' ');
  const lock = ctx.names.has('Gemfile.lock') ? 'Gemfile.lock ' : '';
  const port = rails ? 3000 : 9292;
  const dockerfile = lines(
    `FROM ruby:${version}-slim AS base`, 'WORKDIR /app',
    // Deployment mode insists on a Gemfile.lock, so it is only turned on when there is one.
    `ENV ${lock ? 'BUNDLE_DEPLOYMENT=1 ' : ''}BUNDLE_PATH=/usr/local/bundle BUNDLE_WITHOUT=development:test${rails ? ' RAILS_ENV=production' : ''}`, '',
    'FROM base AS build',
    `RUN apt-get update && apt-get install -y --no-install-recommends ${buildLibs} && rm -rf /var/lib/apt/lists/*`,
    `COPY Gemfile ${lock}./`, 'RUN bundle install && rm -rf ~/.bundle "${BUNDLE_PATH}"/ruby/*/cache', 'COPY . .',
    rails && '# A dummy key lets assets precompile without the real credentials.',
    rails && 'RUN SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile', '',
    'FROM base AS runtime',
    `RUN apt-get update && apt-get install -y --no-install-recommends ${runtimeLibs} && rm -rf /var/lib/apt/lists/* \\`,
    '    && useradd --uid 10001 --create-home app',
    'COPY --from=build /usr/local/bundle /usr/local/bundle', 'COPY --from=build --chown=app:app /app /app',
    'USER app', `EXPOSE ${port}`,
    rails ? 'CMD ["./bin/rails", "server", "-b", "0.0.0.0", "-p", "3000"]' : 'CMD ["bundle", "exec", "rackup", "-o", "0.0.0.0", "-p", "9292"]',
  );
  if (rails) ctx.notes.push('Set SECRET_KEY_BASE (or RAILS_MASTER_KEY) and DATABASE_URL when running; run `bin/rails db:prepare` on deploy.');
  else ctx.notes.push('Assumes a config.ru (Rack app); change CMD if the app starts differently.');
  return { template: rails ? 'ruby-rails' : 'ruby-rack', dockerfile, dockerignore: dockerignore('vendor/bundle', 'log/*', 'tmp/*', 'storage/*', 'node_modules', 'public/assets'), port, notes: ctx.notes };
}

/** Composer runs in its own image; Apache serves `public/` as the unprivileged www-data on 8080. */
async function phpImage(ctx: TemplateContext): Promise<DockerfileResult> {
  const composer = await ctx.text('composer.json');
  const version = pickVersion(composer === undefined ? undefined : phpRequirement(ctx, composer), '8.3');
  const laravel = ctx.stack.frameworks.includes('laravel');
  const root = laravel || ctx.names.has('public') ? '/var/www/html/public' : '/var/www/html';
  const lock = ctx.names.has('composer.lock') ? ' composer.lock' : '';
  const assets = laravel && ctx.names.has('package.json');
  const dockerfile = lines(
    composer !== undefined && 'FROM composer:2 AS vendor', composer !== undefined && 'WORKDIR /app',
    composer !== undefined && `COPY composer.json${lock} ./`,
    composer !== undefined && 'RUN composer install --no-dev --no-scripts --no-autoloader --prefer-dist --no-interaction',
    composer !== undefined && 'COPY . .', composer !== undefined && 'RUN composer dump-autoload --optimize --classmap-authoritative', composer !== undefined && '',
    assets && 'FROM node:22-bookworm-slim AS assets', assets && 'WORKDIR /app', assets && 'COPY . .', assets && `RUN ${ctx.names.has('package-lock.json') ? 'npm ci' : 'npm install'} && npm run build`, assets && '',
    `FROM php:${version}-apache AS runtime`,
    'RUN docker-php-ext-install pdo_mysql opcache && a2enmod rewrite \\',
    `    && sed -ri 's!/var/www/html!${root}!g' /etc/apache2/sites-available/*.conf \\`,
    "    && sed -ri 's/Listen 80$/Listen 8080/' /etc/apache2/ports.conf && sed -ri 's/:80>/:8080>/' /etc/apache2/sites-available/*.conf",
    'WORKDIR /var/www/html',
    composer !== undefined ? 'COPY --from=vendor --chown=www-data:www-data /app ./' : 'COPY --chown=www-data:www-data . ./',
    assets && 'COPY --from=assets --chown=www-data:www-data /app/public/build ./public/build',
    'USER www-data', 'EXPOSE 8080',
    // The base image's own command, stated so the file says what runs.
    'CMD ["apache2-foreground"]',
  );
  if (laravel) ctx.notes.push('Set APP_KEY and the DB_* variables when running; run `php artisan migrate --force` and `php artisan config:cache` on deploy.');
  ctx.notes.push('Installs pdo_mysql; use pdo_pgsql (with libpq-dev) for PostgreSQL.');
  return { template: laravel ? 'php-laravel' : 'php', dockerfile, dockerignore: dockerignore('vendor', 'node_modules', 'storage/logs/*', 'bootstrap/cache/*'), port: 8080, notes: ctx.notes };
}

/** `require.php` of composer.json; a malformed file is a note and the default version. */
function phpRequirement(ctx: TemplateContext, composer: string): string | undefined {
  const parsed = parseJsonText(composer);
  if (!parsed.ok) {
    ctx.notes.push(`composer.json is ${parsed.message}; the PHP version is the default`);
    return undefined;
  }
  const require = isRecord(parsed.value) && isRecord(parsed.value.require) ? parsed.value.require : {};
  return asString(require.php);
}
