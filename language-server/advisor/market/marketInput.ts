import path from 'node:path';
import type { Project } from '../../model';
import { MAX_MANIFEST_BYTES } from '../../analyzer/dependencies/rootManifest';
import { parseJsonText } from '../../scanner/ecosystems/parse';
import { readTextCapped } from '../../scanner/ecosystems/read';
import { isRecord } from '../../scanner/ecosystems/values';
import type { MarketInput } from './marketTypes';

/** What a project tells the market lookup about itself: its npm name and `private` flag, and its git remote. */
export async function marketInputOf(project: Project): Promise<MarketInput> {
  const read = await readTextCapped(path.join(project.path, 'package.json'), 'package.json', 'manifest', MAX_MANIFEST_BYTES);
  const parsed = read.ok ? parseJsonText(read.text) : undefined;
  const manifest = parsed?.ok && isRecord(parsed.value) ? parsed.value : {};
  return {
    packageName: typeof manifest.name === 'string' ? manifest.name : null,
    isPrivate: manifest.private === true,
    remoteUrl: project.git?.remoteUrl ?? null,
  };
}
