import type ts from 'typescript';
import { typescript } from '../source';
import type { AnalyzerFinding } from '../types';
import { requiredModule } from './bindings';
import type { ModuleBinding } from './bindings';
import { performanceFinding } from './report';
import type { PerformanceRuleId } from './rules';
import type { HotContext } from './walker';

type SyncGroup = 'fs' | 'crypto' | 'child-process' | 'zlib';

const GROUP_OF_MODULE: Readonly<Record<string, SyncGroup>> = {
  fs: 'fs', 'node:fs': 'fs', 'fs-extra': 'fs', 'graceful-fs': 'fs', 'original-fs': 'fs',
  crypto: 'crypto', 'node:crypto': 'crypto',
  child_process: 'child-process', 'node:child_process': 'child-process',
  zlib: 'zlib', 'node:zlib': 'zlib',
};

const ASYNC_HINT: Readonly<Record<SyncGroup, (base: string) => string>> = {
  fs: (base) => `fs.promises.${base}`,
  crypto: (base) => `crypto.${base} with a callback (or util.promisify)`,
  'child-process': (base) => `child_process.${base} with a callback (or util.promisify)`,
  zlib: (base) => `zlib.${base} with a callback, or a stream`,
};

interface SyncCall {
  group: SyncGroup;
  name: string;
}

/** Finds `fs.readFileSync(…)`, `readFileSync(…)` (imported), `require('fs').readFileSync(…)` and friends. */
export function syncCallOf(call: ts.CallExpression, bindings: ReadonlyMap<string, ModuleBinding>): SyncCall | null {
  const t = typescript();
  const callee = call.expression;
  if (t.isIdentifier(callee)) {
    const binding = bindings.get(callee.text);
    const group = binding ? GROUP_OF_MODULE[binding.module] : undefined;
    return group && binding?.member?.endsWith('Sync') ? { group, name: binding.member } : null;
  }
  if (!t.isPropertyAccessExpression(callee) || !callee.name.text.endsWith('Sync')) return null;
  const group = moduleGroup(callee.expression, bindings);
  return group ? { group, name: callee.name.text } : null;
}

function moduleGroup(receiver: ts.Expression, bindings: ReadonlyMap<string, ModuleBinding>): SyncGroup | undefined {
  const t = typescript();
  if (t.isIdentifier(receiver)) {
    const binding = bindings.get(receiver.text);
    return binding && binding.member === null ? GROUP_OF_MODULE[binding.module] : undefined;
  }
  const inline = requiredModule(receiver);
  return inline === null ? undefined : GROUP_OF_MODULE[inline];
}

/**
 * A finding for a synchronous call in a handler (any depth) or a loop inside a function. Loops at module level
 * are left alone: that code runs once, at startup, where blocking is normal.
 */
export function checkSyncCall(call: ts.CallExpression, ctx: HotContext, bindings: ReadonlyMap<string, ModuleBinding>, source: ts.SourceFile, path: string): AnalyzerFinding | null {
  if (!ctx.handler && !(ctx.loop && ctx.fn)) return null;
  const sync = syncCallOf(call, bindings);
  if (!sync) return null;
  const where = ctx.handler ? 'handler' : 'loop';
  const ruleId = `performance/sync-${sync.group}-in-${where}` as PerformanceRuleId;
  const base = sync.name.slice(0, -'Sync'.length);
  const place = where === 'handler' ? 'on every request this handler serves' : 'once per iteration of the loop';
  const message = `${sync.name} blocks the event loop ${place}; use ${ASYNC_HINT[sync.group](base)} instead.`;
  return performanceFinding(ruleId, source, path, call.expression, message, { data: { call: sync.name, module: sync.group } });
}
