import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseTomlText } from '../../scanner/ecosystems/parse';
import { asString, isRecord } from './readProjectFile';
import { dockerignore, lines, versionIn, type Ecosystem, type Template, type TemplateContext } from './templateKit';
import { managedTemplates } from './dockerManaged';
import type { DockerfileResult } from './types';

/** Native binaries: a full toolchain image builds, a small runtime image (no compiler, non-root) runs the binary. */
export const compiledTemplates: Pick<Record<Ecosystem, Template>, 'go' | 'rust' | 'java' | 'dotnet'> = {
  go: goImage,
  rust: rustImage,
  ...managedTemplates,
};

async function goImage(ctx: TemplateContext): Promise<DockerfileResult> {
  const gomod = await ctx.text('go.mod');
  if (!gomod) ctx.notes.push('No go.mod: the build assumes a module at the project root.');
  const version = versionIn(gomod ? /^go\s+(\S+)/m.exec(gomod)?.[1] : undefined) ?? '1.23';
  const pkg = await goMainPackage(ctx);
  // Module files first, so the download layer is cached until they change; only the files that exist are named.
  const modules = ['go.mod', 'go.sum'].filter((n) => ctx.names.has(n));
  const dockerfile = lines(
    `FROM golang:${version}-alpine AS build`, 'WORKDIR /src',
    modules.length > 0 && `COPY ${modules.join(' ')} ./`, modules.length > 0 && 'RUN go mod download', 'COPY . .',
    `RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ${pkg}`, '',
    '# distroless/static has no shell and runs as the unprivileged "nonroot" user.',
    'FROM gcr.io/distroless/static-debian12:nonroot AS runtime', 'COPY --from=build /out/app /app',
    'USER nonroot:nonroot', 'EXPOSE 8080', 'ENTRYPOINT ["/app"]',
  );
  ctx.notes.push('Assumes the server listens on :8080 (read PORT if you can); CGO is off for a static binary; turn it on and use a glibc runtime if a dependency needs cgo.');
  return { template: 'go', dockerfile, dockerignore: dockerignore('bin', 'dist', 'vendor'), port: 8080, notes: ctx.notes };
}

/** `./cmd/<name>` when there is exactly one command and no main.go at the root; `.` otherwise. */
async function goMainPackage(ctx: TemplateContext): Promise<string> {
  if (ctx.names.has('main.go') || !ctx.names.has('cmd')) return '.';
  const commands = await readdir(path.join(ctx.dir, 'cmd'), { withFileTypes: true }).then((d) => d.filter((e) => e.isDirectory()).map((e) => e.name).sort(), () => []);
  if (commands.length === 1) return `./cmd/${commands[0]}`;
  if (commands.length > 1) ctx.notes.push(`cmd/ holds ${commands.length} commands (${commands.join(', ')}); the image builds ./cmd/${commands[0]}.`);
  return commands[0] ? `./cmd/${commands[0]}` : '.';
}

async function rustImage(ctx: TemplateContext): Promise<DockerfileResult> {
  const cargo = await cargoToml(ctx);
  const bin = cargoBinary(cargo);
  if (!bin) ctx.notes.push('Could not read the binary name from Cargo.toml (a workspace?); replace `app` in the build stage.');
  const pkg = isRecord(cargo.package) ? cargo.package : {};
  const version = versionIn(asString(pkg['rust-version'])) ?? '1';
  const locked = ctx.names.has('Cargo.lock') ? ' --locked' : '';
  const port = ctx.stack.frameworks.includes('rocket') ? 8000 : 8080;
  const dockerfile = lines(
    `FROM rust:${version}-slim-bookworm AS build`, 'WORKDIR /src', 'COPY . .',
    '# Cache mounts keep the registry and target dir between builds (BuildKit, the default builder).',
    'RUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/src/target \\',
    `    cargo build --release${locked} && cp target/release/${bin ?? 'app'} /out-app`, '',
    'FROM debian:bookworm-slim AS runtime',
    'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/* \\',
    '    && useradd --uid 10001 --create-home app',
    'COPY --from=build /out-app /usr/local/bin/app', 'USER app', `EXPOSE ${port}`, 'ENTRYPOINT ["/usr/local/bin/app"]',
  );
  if (!ctx.stack.frameworks.some((f) => ['axum', 'actix-web', 'rocket'].includes(f))) ctx.notes.push('No web framework detected; drop EXPOSE if the program serves nothing.');
  return { template: 'rust', dockerfile, dockerignore: dockerignore('target'), port, notes: ctx.notes };
}

async function cargoToml(ctx: TemplateContext): Promise<Record<string, unknown>> {
  const text = await ctx.text('Cargo.toml');
  if (text === undefined) return {};
  const parsed = parseTomlText(text);
  if (!parsed.ok) ctx.notes.push(`Cargo.toml is ${parsed.message}`);
  return parsed.ok ? parsed.value : {};
}

/** The first `[[bin]]` target's name, else the package name (Cargo names the default binary after the package). */
function cargoBinary(cargo: Record<string, unknown>): string | undefined {
  const bins = Array.isArray(cargo.bin) ? cargo.bin.filter(isRecord) : [];
  const name = asString(bins[0]?.name) ?? (isRecord(cargo.package) ? asString(cargo.package.name) : undefined);
  // The name goes into a shell line; Cargo allows only these characters in it anyway.
  return name && /^[\w-]+$/.test(name) ? name : undefined;
}
