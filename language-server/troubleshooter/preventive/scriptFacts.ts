/**
 * What the preventive checks need from a JS/TS tree, gathered in one walk and kept with the tree: on a
 * keystroke that does not change the text, nothing is walked again.
 */
import type ts from 'typescript';
import { walkNodes } from '../../analyzer/security/code/walk';
import { typescript } from '../../analyzer/source';
import { envUsesOf, type EnvUse } from './envUses';
import { importUseOf, type ImportUse } from './importUses';
import { ModuleSyntaxCollector, type ModuleSyntax } from './moduleSyntax';

export interface ScriptFacts {
  imports: ImportUse[];
  envUses: EnvUse[];
  moduleSyntax: ModuleSyntax;
}

const known = new WeakMap<ts.SourceFile, ScriptFacts>();

export function scriptFacts(source: ts.SourceFile): ScriptFacts {
  const cached = known.get(source);
  if (cached) return cached;
  const t = typescript();
  const imports: ImportUse[] = [];
  const envUses: EnvUse[] = [];
  const syntax = new ModuleSyntaxCollector(t, source);
  walkNodes(source, (node) => {
    const use = importUseOf(t, node, source);
    if (use) imports.push(use);
    const env = envUsesOf(t, node, source);
    if (env.length > 0) envUses.push(...env);
    syntax.note(node);
  });
  const facts = { imports, envUses, moduleSyntax: syntax.done() };
  known.set(source, facts);
  return facts;
}
