/**
 * What every analyzer engine (complexity, security, performance, debt) produces, and what the server turns
 * into LSP diagnostics and code actions and the CLI prints. Lines and columns are 1-based, as ESLint reports them.
 */
export type AnalyzerCategory = 'quality' | 'security' | 'performance' | 'debt';
export type AnalyzerSeverity = 'error' | 'warning' | 'info';

/** One replacement in the file's text, by UTF-16 offsets (as TypeScript's `getStart()`/`end` give them). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A fix that only edits the file the finding is in; safe to apply without asking more than the click. */
export interface TextFix {
  title: string;
  edits: TextEdit[];
}

export interface AnalyzerFinding {
  /** `complexity`, `secret/aws-access-key`, `security/eval`, `performance/sync-fs-in-handler`, ... */
  ruleId: string;
  category: AnalyzerCategory;
  severity: AnalyzerSeverity;
  /** Absolute path of the file. */
  path: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Never holds a secret: a secret finding names the kind and shows at most a masked prefix. */
  message: string;
  fix?: TextFix;
  /** Rule-specific facts for code actions (e.g. the name a secret would get in .env); never the secret. */
  data?: Record<string, string | number | boolean>;
}

export interface HalsteadMetrics {
  operators: number;
  operands: number;
  distinctOperators: number;
  distinctOperands: number;
  volume: number;
  difficulty: number;
  effort: number;
}

export interface FunctionMetrics {
  /** As ESLint names it in its complexity message: `foo`, `method 'bar'`, `arrow function`, ... */
  name: string;
  /** Where ESLint's complexity rule reports the function: its head. */
  line: number;
  column: number;
  cyclomatic: number;
  cognitive: number;
  /** Lines the function spans. */
  loc: number;
  halstead?: HalsteadMetrics;
}

export type AnalyzedLanguage = 'javascript' | 'typescript' | 'python' | 'go' | 'rust' | 'java' | 'other';

export interface FileMetrics {
  path: string;
  language: AnalyzedLanguage;
  /** Physical lines. */
  loc: number;
  /** Lines with code (not blank, not only a comment). */
  sloc: number;
  commentLines: number;
  /** TODO, FIXME, HACK and XXX markers in comments. */
  todos: number;
  functions: FunctionMetrics[];
  /** 0–100 (the Visual Studio variant of the maintainability index); null when the file has no code. */
  maintainability: number | null;
}

/** One file as the engines read it: its text, and for JS/TS the parse they all share. */
export interface SourceInput {
  path: string;
  text: string;
  language: AnalyzedLanguage;
}
