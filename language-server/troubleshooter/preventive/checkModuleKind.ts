/**
 * `preventive/esm-cjs-mismatch`: a .js file whose syntax contradicts how Node will load it. Node reads `.js` by
 * the nearest package.json's `"type"`: `"module"` makes `require`, `module.exports`, `exports.x`, `__dirname`
 * and `__filename` undefined; CommonJS (`"commonjs"`, or no type on Node before 22.7) rejects `import` and
 * `export` statements. Files a build step compiles first, or that browsers load (public/, static/), are not judged.
 */
import path from 'node:path';
import type { AnalyzerFinding, AnalyzerSeverity } from '../../analyzer/types';
import { isBundled } from './bundledProject';
import { scriptSource } from './documentSource';
import { preventiveFinding, type Span } from './finding';
import type { SyntaxUse } from './moduleSyntax';
import { nearestPackageJson, readPackageJson, type PackageJson } from './packageJson';
import { inDependencyFolder } from './paths';
import { scriptFacts } from './scriptFacts';
import { sourceSpan } from './spans';
import { RULE, type PreventiveDoc } from './types';

const BROWSER_OR_OUTPUT = /(^|\/)(public|static|www|assets|dist|build|out|vendor)\//;
const CONFIG_FILE = /(\.config|rc)\.js$/;

export async function checkModuleKind(doc: PreventiveDoc, projectDir: string): Promise<AnalyzerFinding[]> {
  try {
    if (path.extname(doc.path).toLowerCase() !== '.js' || inDependencyFolder(doc.path, projectDir)) return [];
    const source = scriptSource(doc);
    const syntax = source ? scriptFacts(source).moduleSyntax : undefined;
    if (!source || !syntax || (!syntax.firstCjs && !syntax.firstEsm)) return [];
    const pkg = await nearestPackageJson(path.dirname(doc.path), projectDir);
    if (!pkg || BROWSER_OR_OUTPUT.test(path.relative(pkg.dir, doc.path).split(path.sep).join('/'))) return [];
    const bundled = isBundled([pkg, await readPackageJson(projectDir)]);
    const span = (use: SyntaxUse): Span => sourceSpan(source, use.start, use.end);
    if (pkg.type === 'module' && syntax.firstCjs) return [cjsInEsm(doc, pkg, syntax.firstCjs, span(syntax.firstCjs), bundled)];
    if (pkg.type !== 'module' && syntax.firstEsm && !bundled) return [esmInCjs(doc, pkg, syntax.firstEsm, span(syntax.firstEsm))];
    return [];
  } catch {
    return [];
  }
}

function cjsInEsm(doc: PreventiveDoc, pkg: PackageJson, use: SyntaxUse, at: Span, bundled: boolean): AnalyzerFinding {
  const renamed = withExtension(doc.path, '.cjs');
  const severity: AnalyzerSeverity = bundled || CONFIG_FILE.test(doc.path) ? 'warning' : 'error';
  const message = `This file uses ${use.what}, but ${manifestName(doc, pkg)} sets "type": "module", so Node loads it as an ES module where ${use.what} is not defined: `
    + `rename it to ${path.basename(renamed)}, or use import/export (import.meta.dirname for __dirname)`;
  return preventiveFinding(RULE.esmCjsMismatch, severity, doc.path, at, message, {
    packageType: 'module', construct: use.what, manifest: pkg.path, suggestedName: renamed,
  });
}

function esmInCjs(doc: PreventiveDoc, pkg: PackageJson, use: SyntaxUse, at: Span): AnalyzerFinding {
  const explicit = pkg.type === 'commonjs';
  const renamed = withExtension(doc.path, '.mjs');
  const why = explicit ? 'sets "type": "commonjs"' : 'has no "type"';
  const effect = explicit
    ? 'so Node loads it as CommonJS and stops with "Cannot use import statement outside a module"'
    : 'so Node before 22.7 stops with "Cannot use import statement outside a module" and newer Node warns and parses it twice';
  const message = `This file uses ${use.what} statements, but ${manifestName(doc, pkg)} ${why}, ${effect}: `
    + `add "type": "module" to package.json (other .js files that use require then need .cjs), or rename it to ${path.basename(renamed)}`;
  return preventiveFinding(RULE.esmCjsMismatch, explicit ? 'error' : 'warning', doc.path, at, message, {
    fixEdit: 'set-type-module', packageType: explicit ? 'commonjs' : 'none', construct: use.what, manifest: pkg.path, suggestedName: renamed,
  });
}

function manifestName(doc: PreventiveDoc, pkg: PackageJson): string {
  return path.relative(path.dirname(doc.path), pkg.path).split(path.sep).join('/');
}

function withExtension(file: string, ext: string): string {
  return file.slice(0, file.length - path.extname(file).length) + ext;
}
