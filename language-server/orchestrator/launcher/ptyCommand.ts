import { existsSync } from 'node:fs';

export interface SpawnSpec {
  file: string;
  args: string[];
  /** True when the command runs on a pseudo-terminal, so dev servers keep their colours and key shortcuts. */
  pty: boolean;
}

/**
 * How to run a shell command line so that it believes it talks to a terminal. The language server has no
 * pty library (native modules do not bundle), but util-linux's `script` gives the command a real pty and
 * passes its exit code back (-e); BSD `script` on macOS does the same with other flags. Without either, the
 * command runs on plain pipes.
 */
export function spawnSpec(command: string, size: { columns: number; rows: number } | undefined, platform = process.platform): SpawnSpec {
  const sized = size ? `stty cols ${Math.floor(size.columns)} rows ${Math.floor(size.rows)} 2>/dev/null; ${command}` : command;
  if (platform === 'linux' && existsSync('/usr/bin/script')) {
    return { file: '/usr/bin/script', args: ['-q', '-e', '-f', '-c', sized, '/dev/null'], pty: true };
  }
  if (platform === 'darwin' && existsSync('/usr/bin/script')) {
    return { file: '/usr/bin/script', args: ['-q', '/dev/null', '/bin/sh', '-c', sized], pty: true }; // untested on a real Mac
  }
  if (platform === 'win32') return { file: process.env.ComSpec ?? 'cmd.exe', args: ['/d', '/s', '/c', command], pty: false }; // untested on Windows
  return { file: '/bin/sh', args: ['-c', command], pty: false };
}
