import type ts from 'typescript';
import type { AnalyzerFinding } from '../types';
import { checkAwaitInLoop } from './awaitInLoop';
import { moduleBindings } from './bindings';
import type { ModuleBinding } from './bindings';
import { checkHeavyImports } from './heavyImports';
import type { HeavyImportOptions } from './heavyImports';
import { checkJson } from './jsonHotPath';
import { ReferenceCollector } from './references';
import { checkSyncCall } from './syncCalls';
import { cacheCandidates, checkUnboundedCache } from './unboundedCache';
import { walkHot } from './walker';

export type PerformanceOptions = HeavyImportOptions;

/**
 * The performance rules (PERFORMANCE_RULES) over one parsed JS/TS file, in one walk of its tree. Never throws on
 * odd code: anything it does not recognise is simply not reported. Findings come sorted by position.
 */
export function scanPerformance(source: ts.SourceFile, path: string, options: PerformanceOptions = {}): AnalyzerFinding[] {
  const bindings = moduleBindings(source);
  const byLocal = new Map<string, ModuleBinding>(bindings.map((b) => [b.local, b]));
  const candidates = cacheCandidates(source);
  const refs = new ReferenceCollector([...byLocal.keys(), ...candidates.map((c) => c.name.text)]);
  const findings: AnalyzerFinding[] = [];
  const add = (finding: AnalyzerFinding | null): void => {
    if (finding) findings.push(finding);
  };
  walkHot(source, {
    call: (node, ctx) => {
      add(checkSyncCall(node, ctx, byLocal, source, path));
      add(checkJson(node, ctx, source, path));
    },
    loop: (node) => add(checkAwaitInLoop(node, source, path)),
    identifier: (node, ctx) => refs.visit(node, ctx),
  });
  for (const candidate of candidates) add(checkUnboundedCache(candidate, refs, source, path));
  findings.push(...checkHeavyImports(bindings, refs, source, path, options));
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
