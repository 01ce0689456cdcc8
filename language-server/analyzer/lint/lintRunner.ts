import type { LintInput, LintOptions, LintReport } from './lintTypes';
import type { TypeCheckOptions, TypeReport } from './typeDiagnostics';

/**
 * Where ESLint and TypeScript's type checks run. The CLI runs them in its own process (it ends after one
 * analysis); the language server runs them in a lint host process (host/lintHost.ts), so their memory and their
 * synchronous stretches never land in the process that answers the editor.
 */
export interface LintRunner {
  lint(projectDir: string, inputs: readonly LintInput[], options: LintOptions): Promise<LintReport>;
  types(tsconfigPath: string, files: readonly string[] | undefined, options: TypeCheckOptions): Promise<TypeReport>;
}

/** ESLint and TypeScript are loaded on the first call only: a start that lints nothing never pays for them. */
export const inProcessLintRunner: LintRunner = {
  async lint(projectDir, inputs, options) {
    const { lintFiles } = await import('./lintFiles');
    return lintFiles(projectDir, inputs, options);
  },
  async types(tsconfigPath, files, options) {
    const { typeDiagnostics } = await import('./typeDiagnostics');
    return typeDiagnostics(tsconfigPath, files, options);
  },
};
