/** Everything about a JS/TS file's package that tells a registry import from the project's own modules. */
import path from 'node:path';
import { bundlerConfigTexts, isBundlerAlias } from './bundlerAliases';
import { fileStamp } from './fileCache';
import { usesPlugNPlay } from './installedPackage';
import { isNodeBuiltin } from './nodeBuiltins';
import { packageOfSpecifier } from './npmImportName';
import { nearestPackageJson, type DeclaredDependency, type PackageJson } from './packageJson';
import { nodeClient, type NodeClient } from './packageManager';
import { aliasesIn, isAliased, type Aliases } from './tsconfigAliases';
import { workspaceOf, type Workspace } from './workspace';

export interface JsImportContext {
  /** The package.json that governs the file. */
  pkg: PackageJson;
  workspace: Workspace | undefined;
  aliases: Aliases;
  /** Texts of bundler and test-runner configs that define aliases. */
  bundlerConfigs: readonly string[];
  client: NodeClient;
  /** Installs cannot be checked (Plug'n'Play). */
  pnp: boolean;
}

/** Undefined when the file belongs to no package.json inside the project, or to a Deno project: nothing to judge. */
export async function jsImportContext(file: string, projectDir: string): Promise<JsImportContext | undefined> {
  const pkg = await nearestPackageJson(path.dirname(file), projectDir);
  if (!pkg || fileStamp(path.join(projectDir, 'deno.json')) || fileStamp(path.join(projectDir, 'deno.jsonc'))) return undefined;
  const workspace = await workspaceOf(pkg.dir);
  const roots = [pkg.dir, projectDir, ...(workspace ? [workspace.root] : [])];
  return {
    pkg, workspace,
    aliases: await aliasesIn(roots),
    bundlerConfigs: await bundlerConfigTexts([pkg.dir, projectDir]),
    client: await nodeClient(pkg.dir, workspace?.root ?? pkg.dir),
    pnp: usesPlugNPlay(roots),
  };
}

/** The registry package a specifier needs, or undefined when it is a built-in, an alias, the package itself or a sibling. */
export function registryPackage(specifier: string, ctx: JsImportContext): string | undefined {
  const name = packageOfSpecifier(specifier);
  if (!name || isNodeBuiltin(specifier) || isAliased(specifier, ctx.aliases) || isBundlerAlias(specifier, ctx.bundlerConfigs)) return undefined;
  if (name === ctx.pkg.name || ctx.workspace?.memberNames.has(name)) return undefined;
  return name;
}

export interface Declaration extends DeclaredDependency {
  manifest: PackageJson;
}

/** Declared in the file's package.json, or in the workspace root's (shared tooling of a monorepo). */
export function declaration(name: string, ctx: JsImportContext): Declaration | undefined {
  for (const manifest of [ctx.pkg, ctx.workspace?.manifest]) {
    const found = manifest?.dependencies.get(name);
    if (manifest && found) return { ...found, manifest };
  }
  return undefined;
}
