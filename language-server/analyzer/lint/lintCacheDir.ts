import { createHash } from 'node:crypto';
import path from 'node:path';

/** `<home>/cache/eslint/<hash of the project's path>`: one ESLint cache per project, outside the project. */
export function eslintCacheDir(optimusHome: string, projectDir: string): string {
  const id = createHash('sha256').update(path.resolve(projectDir)).digest('hex').slice(0, 16);
  return path.join(optimusHome, 'cache', 'eslint', id);
}
