/**
 * A structural check of a generated Dockerfile, since no registry is reachable to build one here: what would
 * make `docker build` refuse it or make the image not start, found from the text alone.
 */

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

const KEYWORDS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);
/** Docker expands variables in these at build time; RUN/CMD/ENTRYPOINT leave them to the shell at run time. */
const EXPANDED = new Set(['FROM', 'ENV', 'ADD', 'COPY', 'WORKDIR', 'USER', 'EXPOSE', 'LABEL', 'VOLUME', 'STOPSIGNAL', 'ARG']);
/** Variables the base images define (PATH everywhere, APP_UID in .NET 8+ images). */
const FROM_BASE = new Set(['PATH', 'HOME', 'APP_UID']);

/** Instructions with continuation lines joined; comments and blank lines dropped. */
export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (pending === '' && (line.trim() === '' || line.trim().startsWith('#'))) return;
    if (pending === '') start = i + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const whole = `${pending}${line}`.trim();
    pending = '';
    const m = /^(\S+)\s*(.*)$/.exec(whole);
    if (m) out.push({ keyword: (m[1] ?? '').toUpperCase(), args: m[2] ?? '', line: start });
  });
  if (pending !== '') out.push({ keyword: 'UNTERMINATED', args: pending, line: start });
  return out;
}

/** Every problem found; empty for a Dockerfile that passes. `port` is what the generator said it EXPOSEs. */
export function checkDockerfile(text: string, port: number | undefined): string[] {
  const all = instructions(text);
  const problems = all.filter((i) => !KEYWORDS.has(i.keyword)).map((i) => `line ${i.line}: unknown instruction ${i.keyword}`);
  const firstFrom = all.findIndex((i) => i.keyword === 'FROM');
  if (firstFrom < 0) return [...problems, 'no FROM'];
  if (all.slice(0, firstFrom).some((i) => i.keyword !== 'ARG')) problems.push('an instruction other than ARG comes before the first FROM');
  // ARGs before the first FROM are visible to FROM lines only.
  const globalArgs = all.slice(0, firstFrom).map((i) => i.args.split('=')[0]?.trim() ?? '');
  const stages = splitStages(all.slice(firstFrom));
  const names: string[] = [];
  for (const stage of stages) {
    problems.push(...checkStage(stage, names, globalArgs));
    const name = /\bAS\s+(\S+)\s*$/i.exec(stage[0]?.args ?? '')?.[1];
    if (name) {
      if (names.includes(name.toLowerCase())) problems.push(`stage ${name} is defined twice`);
      names.push(name.toLowerCase());
    }
  }
  return [...problems, ...checkFinal(stages[stages.length - 1] ?? [], port)];
}

function splitStages(from: Instruction[]): Instruction[][] {
  const stages: Instruction[][] = [];
  for (const i of from) {
    if (i.keyword === 'FROM') stages.push([i]);
    else stages[stages.length - 1]?.push(i);
  }
  return stages;
}

function checkStage(stage: Instruction[], earlier: readonly string[], globalArgs: readonly string[]): string[] {
  const problems: string[] = [];
  const defined = new Set(FROM_BASE);
  for (const i of stage) {
    if (EXPANDED.has(i.keyword)) {
      const known = (v: string): boolean => defined.has(v) || (i.keyword === 'FROM' && globalArgs.includes(v));
      for (const v of variablesIn(i.args)) if (!known(v)) problems.push(`line ${i.line}: ${i.keyword} uses $${v}, which no ARG or ENV defines`);
    }
    if (i.keyword === 'ARG') defined.add(i.args.split('=')[0]?.trim() ?? '');
    if (i.keyword === 'ENV') for (const m of i.args.matchAll(/(\w+)=/g)) defined.add(m[1] ?? '');
    const from = /--from=(\S+)/.exec(i.args)?.[1];
    if ((i.keyword === 'COPY' || i.keyword === 'ADD') && from && !/[:/]/.test(from) && !earlier.includes(from.toLowerCase())) {
      problems.push(`line ${i.line}: COPY --from=${from} names no earlier stage`);
    }
    if (['CMD', 'ENTRYPOINT'].includes(i.keyword) && i.args.startsWith('[') && !isStringArray(i.args)) problems.push(`line ${i.line}: ${i.keyword} is not a JSON array of strings`);
  }
  return problems;
}

function checkFinal(stage: Instruction[], port: number | undefined): string[] {
  const problems: string[] = [];
  if (!stage.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) problems.push('the final stage has no CMD or ENTRYPOINT');
  const exposed = stage.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.split(/\s+/)).map((p) => Number(p.split('/')[0]));
  const expected = port === undefined ? [] : [port];
  if (exposed.join() !== expected.join()) problems.push(`EXPOSE ${exposed.join(' ') || '(none)'} but the port reported is ${port ?? '(none)'}`);
  const users = stage.filter((i) => i.keyword === 'USER');
  const user = users[users.length - 1]?.args;
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push('the final stage runs as root');
  return problems;
}

/** `$NAME` and `${NAME}`, but not `$$` escapes or `\$` (a literal dollar). */
function variablesIn(args: string): string[] {
  return [...args.matchAll(/(?<![\\$])\$(?:\{(\w+)[^}]*\}|(\w+))/g)].map((m) => m[1] ?? m[2] ?? '');
}

function isStringArray(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

/** Sources of COPY/ADD from the build context (not `--from`), for checking against a real project folder. */
export function contextSources(text: string): string[] {
  return instructions(text)
    .filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !/--from=/.test(i.args))
    .flatMap((i) => i.args.split(/\s+/).filter((a) => !a.startsWith('--')).slice(0, -1));
}
