import type ts from 'typescript';
import type { AnalyzerSeverity } from '../../types';

/** What a file declares that rules need to know: which names are child_process, which constants hold what. */
export interface FileFacts {
  /** Local names bound to child_process functions: `exec` → 'exec'; `run = promisify(exec)` → 'exec'. */
  processFunctions: ReadonlyMap<string, string>;
  /** Local names bound to the child_process module itself (`cp`, `childProcess`). */
  processModules: ReadonlySet<string>;
  /** `const NAME = <initializer>` declared once in the file: one level of resolution for rules. */
  constants: ReadonlyMap<string, ts.Expression>;
}

export interface RuleContext {
  ts: typeof ts;
  source: ts.SourceFile;
  facts: FileFacts;
  /** `calleeOf` of a call's callee, computed once per node however many rules ask. */
  callee(call: ts.CallExpression | ts.NewExpression): { name: string; object?: ts.Expression };
  /** Reports `node`'s range; the same rule on the same range is reported once. */
  report(ruleId: string, node: ts.Node, message: string, severity?: AnalyzerSeverity): void;
}

/** One dangerous-code rule: the node kinds it looks at, and the check run on each such node. */
export interface CodeRule {
  kinds: (t: typeof ts) => ts.SyntaxKind[];
  check: (node: ts.Node, ctx: RuleContext) => void;
}
