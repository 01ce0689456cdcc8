import type ts from 'typescript';
import { position, typescript } from '../../source';
import type { AnalyzerFinding, AnalyzerSeverity } from '../../types';
import { withoutSuppressed } from '../suppressions';
import { calleeOf } from './astNames';
import { CODE_RULES } from './codeRules';
import { factsCollector } from './fileFacts';
import type { CodeRule, FileFacts, RuleContext } from './ruleContext';
import { codeExecutionRule } from './rules/codeExecution';
import { htmlInjectionRule } from './rules/htmlInjection';
import { insecureRandomRule } from './rules/insecureRandom';
import { permissiveCorsRule } from './rules/permissiveCors';
import { shellInjectionRule } from './rules/shellInjection';
import { sqlInjectionRule } from './rules/sqlInjection';
import { tlsVerificationRule } from './rules/tlsVerification';
import { weakPasswordHashRule } from './rules/weakPasswordHash';
import { walkNodes } from './walk';

const RULES: readonly CodeRule[] = [
  codeExecutionRule, shellInjectionRule, htmlInjectionRule, sqlInjectionRule, weakPasswordHashRule, insecureRandomRule, tlsVerificationRule, permissiveCorsRule,
];

let byKind: Array<readonly CodeRule[] | undefined> | null = null;

/** Rules indexed by the node kinds they look at: one array read per node rather than a call per rule. */
function rulesByKind(t: typeof ts): Array<readonly CodeRule[] | undefined> {
  if (byKind) return byKind;
  const table: CodeRule[][] = [];
  for (const rule of RULES) for (const kind of rule.kinds(t)) (table[kind] ??= []).push(rule);
  byKind = table;
  return table;
}

/**
 * Dangerous code in a parsed JS/TS file (see CODE_RULES for every rule id). Syntax errors do not matter: the
 * parser's recovered tree is walked as is. Inline `optimus-ignore-*` comments apply.
 */
export function scanDangerousCode(source: ts.SourceFile, path: string): AnalyzerFinding[] {
  const t = typescript();
  const rules = rulesByKind(t);
  const facts = factsCollector(t);
  // one walk gathers the facts and the nodes some rule looks at; the rules run once all facts are in
  const candidates: ts.Node[] = [];
  walkNodes(source, (node) => {
    facts.note(node);
    if (rules[node.kind]) candidates.push(node);
  });
  const findings: AnalyzerFinding[] = [];
  const ctx = contextFor(t, source, path, facts.done(), findings);
  for (const node of candidates) for (const rule of rules[node.kind] ?? []) rule.check(node, ctx);
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return withoutSuppressed(source.text, findings);
}

function contextFor(t: typeof ts, source: ts.SourceFile, path: string, facts: FileFacts, findings: AnalyzerFinding[]): RuleContext {
  const reported = new Set<string>();
  // the rules of one node run back to back, so remembering the last answer is enough
  let lastCall: ts.Node | undefined;
  let lastCallee: { name: string; object?: ts.Expression } = { name: '' };
  return {
    ts: t, source, facts,
    callee(call) {
      if (call !== lastCall) {
        lastCall = call;
        lastCallee = calleeOf(t, call.expression);
      }
      return lastCallee;
    },
    report(ruleId: string, node: ts.Node, message: string, severity?: AnalyzerSeverity) {
      const start = node.getStart(source);
      const key = `${ruleId}@${start}:${node.end}`;
      if (reported.has(key)) return;
      reported.add(key);
      const from = position(source, start);
      const to = position(source, node.end);
      findings.push({
        ruleId, category: 'security', severity: severity ?? CODE_RULES[ruleId]?.severity ?? 'warning', path,
        line: from.line, column: from.column, endLine: to.line, endColumn: to.column, message,
      });
    },
  };
}
