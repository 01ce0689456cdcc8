import type ts from 'typescript';
import { typescript } from '../source';

/**
 * A compiler host that parses a file again only when its text changed. A builder program passed the old
 * program still asks the host for every file, and the stock host re-parses each one: for a re-run that is
 * most of the time spent. Lib files (lib.dom.d.ts is 1.5 MB) are parsed once per project.
 */
export function cachingCompilerHost(options: ts.CompilerOptions, cache: Map<string, ts.SourceFile>): ts.CompilerHost {
  const t = typescript();
  // The incremental host stamps each SourceFile with a hash of its text (`version`), which builder programs need.
  const host = t.createIncrementalCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}|${formatOf(languageVersion)}`;
    const text = host.readFile(fileName);
    const cached = cache.get(key);
    if (cached && text !== undefined && cached.text === text) return cached;
    const fresh = parse(fileName, languageVersion, onError, shouldCreate);
    if (fresh) cache.set(key, fresh);
    else cache.delete(key);
    return fresh;
  };
  return host;
}

/** The same text parses differently as ESM or CommonJS, or for another target: part of the key. */
function formatOf(v: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  return typeof v === 'object' ? `${v.languageVersion}:${v.impliedNodeFormat ?? ''}:${v.jsDocParsingMode ?? ''}` : String(v);
}
