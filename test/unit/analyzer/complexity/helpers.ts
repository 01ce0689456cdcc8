import type { FileMetrics, FunctionMetrics } from '../../../../language-server/analyzer/types';
import { measureScript } from '../../../../language-server/analyzer/complexity/measureScript';
import { parseScript } from '../../../../language-server/analyzer/source';

export function measure(code: string, file = 'a.ts'): FileMetrics {
  return measureScript(parseScript(file, code), file);
}

export function functionsOf(code: string, file = 'a.ts'): FunctionMetrics[] {
  return measure(code, file).functions;
}

/** The only function of a snippet. */
export function only(code: string, file = 'a.ts'): FunctionMetrics {
  const fns = functionsOf(code, file);
  if (fns.length !== 1) throw new Error(`expected one function, got ${fns.map((f) => f.name).join(', ')}`);
  return fns[0] as FunctionMetrics;
}

/** `name line:column cyclomatic` of every function, for compact comparisons. */
export function summary(code: string, file = 'a.ts'): string[] {
  return functionsOf(code, file).map((f) => `${f.name} ${f.line}:${f.column} ${f.cyclomatic}`);
}
