/** Running the platform's process tools (ps, lsof, PowerShell, netstat) where /proc does not exist. */
import { execFile } from 'node:child_process';

export interface ToolOutput {
  stdout: string;
  /** Exit code; lsof exits 1 when some asked-for pid has gone, and its output is still good. */
  code: number | null;
}

/** English month names and '.' decimals whatever the user's locale: the parsers expect them. */
export function runTool(file: string, args: readonly string[], timeoutMs = 10000): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
    execFile(file, args, { env, timeout: timeoutMs, maxBuffer: 64 << 20, windowsHide: true }, (error, stdout) => {
      const code = error && typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : error ? null : 0;
      if (error && code === null) reject(new Error(`${file} failed: ${error.message}`));
      else resolve({ stdout, code });
    });
  });
}
