import { complexityFindings } from './complexity/complexityFindings';
import { measureScript } from './complexity/measureScript';
import { measureText } from './complexity/measureText';
import { scanPerformance } from './performance/scanPerformance';
import { scanDangerousCode } from './security/code/scanDangerousCode';
import { scanSecrets, type SecretScanOptions } from './security/secrets/scanSecrets';
import { withoutSuppressed } from './security/suppressions';
import { isScript, parseScript } from './source';
import type { AnalyzerFinding, FileMetrics, SourceInput } from './types';

export interface AnalyzeSourceOptions {
  complexityThreshold: number;
  cognitiveThreshold: number;
  /** The project folder (a project under `examples/` is not all fixtures) and its secrets baseline. */
  secrets?: SecretScanOptions;
}

export interface SourceAnalysis {
  metrics: FileMetrics;
  findings: AnalyzerFinding[];
  /** Why a part was skipped (a script too deeply nested to parse, ...). */
  notes: string[];
}

/**
 * Everything that needs one file and nothing else: metrics and complexity, secrets, dangerous code and
 * performance rules. ESLint, type checks and project-wide rules (duplicates, debt) run elsewhere.
 */
export function analyzeSource(input: SourceInput, options: AnalyzeSourceOptions): SourceAnalysis {
  const notes: string[] = [];
  const findings: AnalyzerFinding[] = scanSecrets(input, options.secrets);
  let metrics: FileMetrics;
  const source = isScript(input.language) ? parsed(input, notes) : null;
  if (source) {
    metrics = measureScript(source, input.path);
    findings.push(...scanDangerousCode(source, input.path), ...scanPerformance(source, input.path));
  } else {
    metrics = measureText(input);
  }
  findings.push(...complexityFindings(metrics, options.complexityThreshold, options.cognitiveThreshold));
  return { metrics, findings: withoutSuppressed(input.text, findings).sort(byPosition), notes };
}

// TypeScript's parser recurses: a pathological file (thousands of nested brackets) overflows the stack.
function parsed(input: SourceInput, notes: string[]) {
  try {
    return parseScript(input.path, input.text);
  } catch (error) {
    notes.push(`${input.path} could not be parsed (${error instanceof Error ? error.message : String(error)}); only line metrics and secrets were checked.`);
    return null;
  }
}

function byPosition(a: AnalyzerFinding, b: AnalyzerFinding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
