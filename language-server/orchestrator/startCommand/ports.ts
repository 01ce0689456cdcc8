/**
 * Guessing the port a command will listen on, from its text only. An explicit port in the command wins over a
 * tool's default; a guess that is wrong costs little (the runtime monitor sees the real ports once it runs).
 */

/** Flags and assignments that name a port: `--port 4000`, `--port=4000`, `-p 4000`, `PORT=4000`. */
const EXPLICIT: readonly RegExp[] = [
  /(?:^|\s)--port(?:=|\s+)(\d{1,5})\b/,
  /(?:^|\s)-p\s*(\d{1,5})\b/,
  /(?:^|[\s;&])(?:export\s+)?PORT=["']?(\d{1,5})\b/,
  /(?:^|\s)(?:--bind|-b)(?:=|\s+)[\w.[\]:-]*:(\d{1,5})\b/,
  /(?:localhost|0\.0\.0\.0|127\.0\.0\.1|\[::\]|\[::1\]):(\d{1,5})\b/,
];

/** Default ports of development servers, matched on the command text. First match wins, so specific before generic. */
const TOOL_DEFAULTS: readonly (readonly [RegExp, number])[] = [
  [/\bvite\s+preview\b/, 4173],
  [/\bvite\b(?![\w.-]|\s+(?:build|optimize)\b)|\bsvelte-kit\s+dev\b/, 5173],
  [/\bastro\s+(?:dev|start)\b/, 4321],
  [/\bnext\s+(?:dev|start)\b/, 3000],
  [/\bnux[ti]\s+dev\b/, 3000],
  [/\breact-scripts\s+start\b|\bcraco\s+start\b/, 3000],
  [/\bremix\s+(?:dev|vite:dev)\b/, 3000],
  [/\bdocusaurus\s+start\b/, 3000],
  [/\bng\s+serve\b/, 4200],
  [/\bvue-cli-service\s+serve\b/, 8080],
  [/\bwebpack(?:-dev-server|\s+serve)\b/, 8080],
  [/\bgatsby\s+develop\b/, 8000],
  [/\bparcel\b/, 1234],
  [/\bexpo\s+start\b/, 8081],
  [/\bwrangler\s+dev\b/, 8787],
  [/\bhugo\s+serve(?:r)?\b/, 1313],
  [/\bjekyll\s+serve\b/, 4000],
  [/\bmanage\.py\s+runserver\b/, 8000],
  [/\buvicorn\b/, 8000],
  [/\bflask\b.*\brun\b/, 5000],
  [/\brails\s+s(?:erver)?\b/, 3000],
  [/\bartisan\s+serve\b/, 8000],
  [/\bmix\s+phx\.server\b/, 4000],
];

export function isPort(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= 65_535;
}

/** The port `command` names, else the default of the dev server it runs, else undefined. */
export function portFromCommand(command: string): number | undefined {
  return explicitPort(command) ?? defaultPort(command);
}

export function explicitPort(command: string): number | undefined {
  for (const pattern of EXPLICIT) {
    const value = Number(pattern.exec(command)?.[1]);
    if (isPort(value)) return value;
  }
  return undefined;
}

function defaultPort(command: string): number | undefined {
  return TOOL_DEFAULTS.find(([pattern]) => pattern.test(command))?.[1];
}
