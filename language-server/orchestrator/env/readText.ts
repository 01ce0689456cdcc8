import type { Finding } from '../../model';
import { readTextCapped } from '../../scanner/ecosystems/read';

/** The family of finding codes: `env/...` for .env files, `config/...` for .optimus.json. */
export type TextFamily = 'env' | 'config';

export type TextReading = { ok: true; text: string } | { ok: false; missing: boolean; finding: Finding };

/**
 * readTextCapped (missing, folder, link loop, binary, not UTF-8, too big: all become a finding, never a throw);
 * a problem with these optional files is a warning, not an error.
 */
export async function readProjectText(file: string, label: string, family: TextFamily, maxBytes: number): Promise<TextReading> {
  const result = await readTextCapped(file, label, family, maxBytes);
  if (result.ok) return result;
  const finding: Finding = { ...result.finding, severity: 'warning' };
  return { ok: false, missing: result.missing, finding };
}
