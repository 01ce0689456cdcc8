import type ts from 'typescript';
import { typescript } from '../source';

export interface ParsedTsconfig {
  parsed: ts.ParsedCommandLine | null;
  /** What went wrong reading it: a missing file, bad JSON, unknown options. */
  errors: ts.Diagnostic[];
}

/** A tsconfig.json read the way tsc reads it (extends, include/exclude globs, references). Never throws. */
export function parseTsconfig(configPath: string): ParsedTsconfig {
  const t = typescript();
  const errors: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    useCaseSensitiveFileNames: t.sys.useCaseSensitiveFileNames,
    readDirectory: t.sys.readDirectory,
    fileExists: t.sys.fileExists,
    readFile: t.sys.readFile,
    getCurrentDirectory: t.sys.getCurrentDirectory,
    onUnRecoverableConfigFileDiagnostic: (d) => void errors.push(d),
  };
  const parsed = t.getParsedCommandLineOfConfigFile(configPath, undefined, host) ?? null;
  return { parsed, errors: [...errors, ...(parsed?.errors ?? [])] };
}
