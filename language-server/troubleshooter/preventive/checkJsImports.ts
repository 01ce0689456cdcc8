/**
 * `preventive/missing-package` (declared, not installed) and `preventive/undeclared-package` (imported, not in
 * package.json) for one JS/TS document.
 */
import path from 'node:path';
import type ts from 'typescript';
import type { AnalyzerFinding } from '../../analyzer/types';
import { scriptSource } from './documentSource';
import { preventiveFinding, type Span } from './finding';
import type { ImportUse } from './importUses';
import { installedPackage, type InstallState } from './installedPackage';
import { declaration, jsImportContext, registryPackage, type Declaration, type JsImportContext } from './jsImportContext';
import { typesPackageOf } from './npmImportName';
import { addCommand, installCommand } from './packageManager';
import { scriptFacts } from './scriptFacts';
import { sourceSpan } from './spans';
import { RULE, type PreventiveDoc } from './types';

/** Test, story, config and tooling files need their packages at development time only. */
const DEV_FILE = /(^|\/)(test|tests|__tests__|__mocks__|spec|e2e|cypress|playwright|scripts|bench|benchmarks?|\.storybook)\/|\.(test|spec|stories|config|bench)\.[cm]?[jt]sx?$/;

export async function checkJsImports(doc: PreventiveDoc, projectDir: string): Promise<AnalyzerFinding[]> {
  const source = scriptSource(doc);
  const uses = source ? scriptFacts(source).imports : [];
  if (!source || uses.length === 0) return [];
  const ctx = await jsImportContext(doc.path, projectDir);
  if (!ctx) return [];
  const states = new Map<string, Promise<InstallState>>();
  const findings: AnalyzerFinding[] = [];
  for (const use of uses) {
    const name = registryPackage(use.specifier, ctx);
    if (!name) continue;
    const key = `${name}\0${use.typeOnly}`;
    if (!states.has(key)) states.set(key, installState(doc.path, name, use.typeOnly, ctx));
    const finding = judge(doc, source, use, name, await (states.get(key) as Promise<InstallState>), ctx);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** A type-only import is satisfied by the package or by its DefinitelyTyped types. */
async function installState(file: string, name: string, typeOnly: boolean, ctx: JsImportContext): Promise<InstallState> {
  if (ctx.pnp) return { state: 'unknown' };
  const own = await installedPackage(path.dirname(file), name);
  if (own.state !== 'absent' || !typeOnly) return own;
  const types = await installedPackage(path.dirname(file), typesPackageOf(name));
  // the types' version is not the package's: a fix then asks for the latest
  return types.state === 'installed' ? { state: 'installed', version: undefined } : types;
}

function judge(doc: PreventiveDoc, source: ts.SourceFile, use: ImportUse, name: string, installed: InstallState, ctx: JsImportContext): AnalyzerFinding | undefined {
  const declared = declaration(name, ctx) ?? (use.typeOnly ? declaration(typesPackageOf(name), ctx) : undefined);
  if (declared) {
    // peers come from the consumer and optional packages may be absent by design
    if (declared.section === 'peerDependencies' || declared.section === 'optionalDependencies' || installed.state !== 'absent') return undefined;
    return missing(doc, spanOf(source, use), use, declared, ctx);
  }
  // Plug'n'Play refuses undeclared packages outright, so there an unknown install state still fails
  if (installed.state === 'unknown' && !ctx.pnp) return undefined;
  return undeclared(doc, spanOf(source, use), use, name, installed, ctx);
}

function missing(doc: PreventiveDoc, at: Span, use: ImportUse, declared: Declaration, ctx: JsImportContext): AnalyzerFinding {
  const command = installCommand(ctx.client);
  const message = `"${declared.name}" is declared in ${relativeManifest(doc, declared.manifest.path)} but not installed, so this import will fail: run \`${command}\``;
  return preventiveFinding(RULE.missingPackage, use.typeOnly ? 'warning' : 'error', doc.path, at, message, {
    fixCommand: command, fixCwd: declared.manifest.dir, dependency: declared.name, range: declared.range, section: declared.section, manifest: declared.manifest.path,
  });
}

function undeclared(doc: PreventiveDoc, at: Span, use: ImportUse, name: string, installed: InstallState, ctx: JsImportContext): AnalyzerFinding {
  const version = installed.state === 'installed' ? installed.version ?? 'latest' : 'latest';
  const dev = use.typeOnly || DEV_FILE.test(path.relative(ctx.pkg.dir, doc.path).split(path.sep).join('/'));
  const command = addCommand(ctx.client, version === 'latest' ? name : `${name}@${version}`, dev);
  const where = relativeManifest(doc, ctx.pkg.path);
  const message = installed.state === 'installed'
    ? `"${name}" is not declared in ${where}: it resolves only because something else installed it (${version}), and a clean install may drop it. Add it with \`${command}\``
    : `"${name}" is not declared in ${where} and not installed, so this import will fail: run \`${command}\``;
  return preventiveFinding(RULE.undeclaredPackage, installed.state !== 'installed' && !use.typeOnly ? 'error' : 'warning', doc.path, at, message, {
    fixCommand: command, fixCwd: ctx.pkg.dir, fixEdit: 'add-dependency', dependency: name, version,
    section: dev ? 'devDependencies' : 'dependencies', manifest: ctx.pkg.path,
  });
}

/** `package.json`, `../package.json`: the manifest as seen from the file. */
function relativeManifest(doc: PreventiveDoc, manifest: string): string {
  return path.relative(path.dirname(doc.path), manifest).split(path.sep).join('/');
}

function spanOf(source: ts.SourceFile, use: ImportUse): Span {
  return sourceSpan(source, use.start, use.end);
}
