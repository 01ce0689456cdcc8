import type { ClassifyFacts, DepEcosystem } from '../classifyFacts';
import { depRule, fileRule, hasBrowserUi, hasFrontEnd, NPM_FRONT_ENDS, uiHost } from '../rule';
import type { Rule } from '../rule';

/** Frameworks that answer HTTP (or RPC) requests, by registry. Alone they make an API; with a front end, a web app. */
const SERVERS: readonly (readonly [DepEcosystem, readonly string[]])[] = [
  ['npm', ['express', 'fastify', 'koa', 'hono', '@nestjs/core', '@hapi/hapi', 'restify', 'polka', '@tinyhttp/app', '@apollo/server', 'apollo-server', 'apollo-server-express', 'graphql-yoga', '@trpc/server', 'elysia']],
  ['pypi', ['fastapi', 'flask', 'djangorestframework', 'falcon', 'sanic', 'starlette', 'litestar', 'aiohttp', 'tornado', 'bottle', 'connexion']],
  ['go', ['github.com/gin-gonic/gin', 'github.com/labstack/echo*', 'github.com/gofiber/fiber*', 'github.com/go-chi/chi*', 'github.com/gorilla/mux', 'google.golang.org/grpc', 'connectrpc.com/connect']],
  ['cargo', ['axum', 'actix-web', 'rocket', 'warp', 'poem', 'tonic', 'salvo']],
  ['rubygems', ['sinatra', 'grape']],
  ['packagist', ['slim/slim', 'laravel/lumen-framework']],
  ['swift', ['vapor']],
];

/** JVM and .NET servers come as framework ids from the scanner (their dependency names vary too much). */
const SERVER_FRAMEWORKS = ['spring-boot', 'quarkus', 'micronaut', 'ktor', 'aspnetcore'];

export const WEB_RULES: readonly Rule[] = [
  depRule('meta-framework', 'web-app', 0.85, 'npm', ['next', 'nuxt', 'nuxt3', '@sveltejs/kit', '@remix-run/react', '@remix-run/node', '@react-router/dev', '@analogjs/platform'], 'any', 'a full-stack web framework'),
  unlessHosted(depRule('ui-framework', 'web-app', 0.6, 'npm', NPM_FRONT_ENDS, 'runtime', 'a browser UI framework the app ships')),
  unlessHosted({ id: 'html-entry', type: 'web-app', weight: 0.6, test: htmlEntryWithBundler }),
  fileRule('page-route', 'web-app', 0.5, ['app/page.tsx', 'app/page.jsx', 'src/app/page.tsx', 'pages/index.tsx', 'pages/index.jsx', 'pages/index.js', 'src/routes/+page.svelte'], 'a page route'),
  depRule('server-pages', 'web-app', 0.75, 'rubygems', ['rails', 'railties'], 'runtime', 'Rails renders pages'),
  depRule('server-pages-php', 'web-app', 0.75, 'packagist', ['laravel/framework', 'symfony/framework-bundle'], 'runtime', 'a full-stack PHP framework'),
  depRule('server-pages-elixir', 'web-app', 0.75, 'hex', ['phoenix', 'phoenix_live_view'], 'runtime', 'Phoenix renders pages'),
  depRule('server-pages-django', 'web-app', 0.55, 'pypi', ['django'], 'runtime', 'Django renders pages and an admin'),
  fileRule('django-site', 'web-app', 0.3, ['manage.py'], 'a Django site rather than a reusable Django package'),
  depRule('wasm-front-end', 'web-app', 0.75, 'cargo', ['yew', 'leptos', 'dioxus', 'sycamore'], 'runtime', 'a Rust web front end'),
  depRule('blazor', 'web-app', 0.75, 'nuget', ['microsoft.aspnetcore.components.webassembly'], 'runtime', 'Blazor'),
  { id: 'server-with-front-end', type: 'web-app', weight: 0.7, test: (f) => withFrontEnd(f, serverDependency(f)) },
  { id: 'server-without-front-end', type: 'api-service', weight: 0.8, test: (f) => withoutFrontEnd(f, serverDependency(f)) },
  { id: 'jvm-server', type: 'api-service', weight: 0.7, test: (f) => withoutFrontEnd(f, serverFramework(f)) },
  fileRule('openapi-spec', 'api-service', 0.5, ['openapi.yaml', 'openapi.yml', 'openapi.json', 'swagger.yaml', 'swagger.yml', 'swagger.json'], 'an API description'),
  fileRule('nest-cli', 'api-service', 0.3, ['nest-cli.json'], 'a NestJS project'),
];

/** `package.json depends on express`, or null. */
export function serverDependency(f: ClassifyFacts): string | null {
  for (const [eco, names] of SERVERS) {
    const hit = f.deps.find(eco, names, 'runtime');
    if (hit) return `${hit.manifest} depends on ${hit.name}`;
  }
  return null;
}

function serverFramework(f: ClassifyFacts): string | null {
  const name = SERVER_FRAMEWORKS.find((fw) => f.frameworks.has(fw));
  return name ? `the stack includes ${name}` : null;
}

function withoutFrontEnd(f: ClassifyFacts, server: string | null): string | null {
  if (!server || hasFrontEnd(f)) return null;
  return `${server}, a server framework, and nothing renders a UI (no front-end framework, index.html or templates/)`;
}

function withFrontEnd(f: ClassifyFacts, server: string | null): string | null {
  if (!server || !hasBrowserUi(f) || uiHost(f)) return null;
  return `${server}, a server framework, and the project also has a front end`;
}

function htmlEntryWithBundler(f: ClassifyFacts): string | null {
  const page = ['index.html', 'public/index.html', 'src/index.html'].find((p) => (p.includes('/') ? f.paths.has(p) : f.names.has(p)));
  const bundler = f.deps.find('npm', ['vite', 'webpack', 'parcel', 'react-scripts', '@rsbuild/core', 'esbuild', 'rollup'], 'any');
  return page && bundler ? `${page} exists and ${bundler.manifest} depends on ${bundler.name}: an HTML entry page that a bundler builds into a browser app` : null;
}

/** The rule, except where a native shell, an editor or a site generator hosts the UI (see uiHost). */
function unlessHosted(rule: Rule): Rule {
  return { ...rule, test: (f) => (uiHost(f) ? null : rule.test(f)) };
}
