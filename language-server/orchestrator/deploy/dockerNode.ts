import { explicitPort } from '../startCommand/ports';
import { nodeFacts, type NodeFacts } from './nodeFacts';
import { dockerignore, lines, type TemplateContext } from './templateKit';
import type { DockerfileResult } from './types';

const SERVER_FRAMEWORKS = ['express', 'fastify', 'koa', 'hono', 'nestjs'];
const DEFAULT_PORT = 3000;
const IGNORE = dockerignore('node_modules', 'dist', 'build', '.next', '.nuxt', '.output', 'out', '.turbo', '.npmrc');

export async function nodeTemplate(ctx: TemplateContext): Promise<DockerfileResult> {
  const facts = await nodeFacts(ctx);
  const frameworks = new Set(ctx.stack.frameworks);
  if (frameworks.has('next')) return nextImage(ctx, facts);
  const server = SERVER_FRAMEWORKS.some((f) => frameworks.has(f)) || frameworks.has('nuxt');
  if (!server && (await ctx.hasDependency('vite'))) return staticImage(ctx, facts);
  return serverImage(ctx, facts);
}

/** The official node images ship a `node` user; bun's ships `bun`. */
const user = (f: NodeFacts): string => (f.pm === 'bun' ? 'bun' : 'node');
/** The port the start script names (`next start -p 4000`, `PORT=8080 node x`), else the Node convention. */
const portOf = (f: NodeFacts): number => (f.scripts.start ? explicitPort(f.scripts.start) : undefined) ?? DEFAULT_PORT;

async function nextImage(ctx: TemplateContext, f: NodeFacts): Promise<DockerfileResult> {
  const configs = await Promise.all(['next.config.js', 'next.config.mjs', 'next.config.ts'].map((n) => ctx.text(n)));
  const standalone = configs.some((t) => t !== undefined && /output\s*:\s*['"]standalone['"]/.test(t));
  if (!standalone) ctx.notes.push("Set `output: 'standalone'` in next.config for an image a fraction of the size; this one ships node_modules.");
  const u = user(f);
  const port = portOf(f);
  const dockerfile = lines(
    `FROM ${f.image} AS deps`, 'WORKDIR /app', ...f.copyManifests, `RUN ${f.install}`, '',
    `FROM ${f.image} AS build`, 'WORKDIR /app', 'COPY --from=deps /app/node_modules ./node_modules', 'COPY . .',
    'ENV NEXT_TELEMETRY_DISABLED=1', `RUN ${f.run('build')}`, '',
    `FROM ${f.image} AS runtime`, 'WORKDIR /app', `ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=${port} HOSTNAME=0.0.0.0`,
    ...(standalone
      ? [
          `COPY --from=build --chown=${u}:${u} /app/.next/standalone ./`, `COPY --from=build --chown=${u}:${u} /app/.next/static ./.next/static`,
          // Copying a public/ that does not exist fails the build.
          ctx.names.has('public') && `COPY --from=build --chown=${u}:${u} /app/public ./public`,
        ]
      : [`COPY --from=build --chown=${u}:${u} /app ./`]),
    `USER ${u}`, `EXPOSE ${port}`,
    // `next start` reads PORT, so the port of the start script holds without repeating its flags.
    standalone ? 'CMD ["node", "server.js"]' : 'CMD ["node_modules/.bin/next", "start"]',
  );
  return { template: 'node-next', dockerfile, dockerignore: IGNORE, port, notes: ctx.notes };
}

/** A Vite app with no server of its own is static files: built with Node, served by an unprivileged nginx. */
async function staticImage(ctx: TemplateContext, f: NodeFacts): Promise<DockerfileResult> {
  ctx.notes.push('Assumes the build writes to dist/ (Vite default); change the COPY if build.outDir differs. Client-side routes need a try_files rule in nginx.');
  const dockerfile = lines(
    `FROM ${f.image} AS build`, 'WORKDIR /app', ...f.copyManifests, `RUN ${f.install}`, 'COPY . .',
    `RUN ${f.scripts.build ? f.run('build') : f.exec('vite build')}`, '',
    'FROM nginxinc/nginx-unprivileged:1.27-alpine AS runtime', 'COPY --from=build /app/dist /usr/share/nginx/html',
    '# The unprivileged image runs nginx as uid 101 on port 8080; both are stated so the file says what it does.',
    'USER 101', 'EXPOSE 8080', 'CMD ["nginx", "-g", "daemon off;"]',
  );
  return { template: 'node-vite-static', dockerfile, dockerignore: IGNORE, port: 8080, notes: ctx.notes };
}

async function serverImage(ctx: TemplateContext, f: NodeFacts): Promise<DockerfileResult> {
  const build = f.scripts.build !== undefined;
  const port = portOf(f);
  const u = user(f);
  const dockerfile = lines(
    `FROM ${f.image} AS deps`, 'WORKDIR /app', ...f.copyManifests, `RUN ${f.installProd}`, '',
    ...(build
      ? [
          `FROM ${f.image} AS build`, 'WORKDIR /app', ...f.copyManifests, `RUN ${f.install}`, 'COPY . .',
          // The dev dependencies the build needed are dropped here; the runtime takes the production ones from deps.
          `RUN ${f.run('build')} && rm -rf node_modules`, '',
        ]
      : []),
    `FROM ${f.image} AS runtime`, 'WORKDIR /app', `ENV NODE_ENV=production PORT=${port}`,
    build ? `COPY --from=build --chown=${u}:${u} /app ./` : `COPY --chown=${u}:${u} . .`,
    `COPY --from=deps --chown=${u}:${u} /app/node_modules ./node_modules`,
    `USER ${u}`, `EXPOSE ${port}`, startCommand(ctx, f),
  );
  ctx.notes.push(`Listens on $PORT (${port}); make sure the server reads process.env.PORT and binds 0.0.0.0.`);
  const framework = [...SERVER_FRAMEWORKS, 'nuxt'].find((fw) => ctx.stack.frameworks.includes(fw));
  return { template: framework ? `node-${framework}` : 'node-server', dockerfile, dockerignore: IGNORE, port, notes: ctx.notes };
}

/** `node FILE` directly when the start script is just that (signals reach node, not npm), else `npm start`. */
function startCommand(ctx: TemplateContext, f: NodeFacts): string {
  const start = f.scripts.start?.trim();
  // Only plain paths go into the JSON CMD: "main" comes from the project and could hold anything.
  const direct = start ? /^node\s+([\w./-]+)$/.exec(start)?.[1] : /^[\w./-]+$/.exec(f.main ?? '')?.[0];
  if (direct) return `CMD ["node", "${direct}"]`;
  if (start) return 'CMD ["npm", "start"]';
  // Nuxt has no start script by default; its build writes a self-contained server.
  if (ctx.stack.frameworks.includes('nuxt')) return 'CMD ["node", ".output/server/index.mjs"]';
  ctx.notes.push('package.json has neither a "start" script nor "main"; the image runs index.js, adjust CMD.');
  return 'CMD ["node", "index.js"]';
}
