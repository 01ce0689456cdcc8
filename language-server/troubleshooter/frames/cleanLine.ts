// Terminal output (VS Code shell integration, cargo, pytest, jest) carries colour codes and CRLF endings
// that would otherwise break the anchored patterns of every parser.
const ANSI = /\u001b\[[0-9;?]{0,32}[A-Za-z]/g;

export function cleanLine(raw: string): string {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.includes('\u001b')) line = line.replace(ANSI, '');
  return line;
}
