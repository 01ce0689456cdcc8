/**
 * How much a line's own wording says it reports the failure, as a factor on the pattern's weight. The taxonomy's
 * rule: the fatal error counts over warnings and over lines merely logged before it, and a later "Caused by"
 * names the real cause.
 */
const WARNING = /^\s*(?:npm (?:WARN|warn)\b|warn(?:ing)?\b|\[warn(?:ing)?\]|\(node:\d+\) \w*Warning|\w*Warning:|yarn warn|⚠)/i;
const CAUSED_BY = /^\s*(?:Caused by:|The above exception was the direct cause)/;
const FATAL = /(?:^|\s|\[)(?:fatal|FATAL|error|Error|ERROR|panic|Exception|Traceback|Uncaught|Unhandled|failed|Failed|FAILED)\b|ERR!|[✖×]|^\s*E\d|^\w*(?:Error|Exception):/;

export const WARNING_FACTOR = 0.6;
export const PLAIN_FACTOR = 0.85;
export const FATAL_FACTOR = 1;
export const CAUSED_BY_FACTOR = 1.25;

export function lineFactor(line: string): number {
  if (CAUSED_BY.test(line)) return CAUSED_BY_FACTOR;
  if (WARNING.test(line)) return WARNING_FACTOR;
  return FATAL.test(line) ? FATAL_FACTOR : PLAIN_FACTOR;
}
