/** Characters any shell takes literally, so a name made only of them needs no quotes. */
const PLAIN = /^[\w@+=:,./-]+$/;
/**
 * Characters that stay special inside double quotes in sh (`$`, backquote, `\`, `"`) or cmd.exe (`%`, `!`),
 * and control characters. The launcher runs commands with `/bin/sh -c` on Unix and `cmd.exe /c` on Windows,
 * and double quotes are the one quoting both read the same way, so a name holding one of these cannot be
 * put on a command line safely.
 */
const UNQUOTABLE = /["$`\\%!\p{Cc}]/u;

export type ShellArg = { ok: true; arg: string } | { ok: false; note: string };

/** A file name as one command-line argument, quoted when it needs to be. */
export function shellArg(name: string): ShellArg {
  if (PLAIN.test(name)) return { ok: true, arg: name };
  if (name === '' || UNQUOTABLE.test(name)) return { ok: false, note: `the name "${name}" cannot be quoted safely for every shell; rename the file to get a command` };
  return { ok: true, arg: `"${name}"` };
}

/** `{ suggestedCommand }` built from a quoted name, or a note saying why there is none. */
export function commandWith(name: string, build: (arg: string) => string): { suggestedCommand?: string; notes: string[] } {
  const quoted = shellArg(name);
  return quoted.ok ? { suggestedCommand: build(quoted.arg), notes: [] } : { notes: [quoted.note] };
}
