import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Project } from '../../../language-server/model';
import { migrate } from '../../../language-server/store/migrations';
import { loadSqlJs } from '../../../language-server/store/wasm';

/** A fresh temp folder per test, removed afterwards (after undoing any chattr +i a test left behind). */
export function useTempDir(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'optimus-store-'));
  });
  afterEach(() => {
    spawnSync('chattr', ['-R', '-i', dir], { stdio: 'ignore' });
    fs.chmodSync(dir, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

export function sampleProject(name: string, root = '/home/dev/code', overrides: Partial<Project> = {}): Project {
  const projectPath = path.join(root, name);
  return {
    name,
    path: projectPath,
    root,
    stack: { languages: ['typescript'], frameworks: ['react'], packageManagers: ['npm'] },
    git: {
      branch: 'main',
      head: 'a'.repeat(40),
      detached: false,
      dirty: true,
      changedFiles: 3,
      untrackedFiles: 1,
      upstream: 'origin/main',
      ahead: 2,
      behind: 0,
      lastCommit: { hash: 'a'.repeat(40), date: '2024-05-01T10:00:00.000Z', subject: 'Fix "quotes" and ünïcödé', author: 'Dev' },
      commitsLast30Days: 12,
      remoteUrl: 'git@example.com:dev/app.git',
      complete: true,
    },
    dependencies: {
      count: 2,
      manifests: [
        {
          path: path.join(projectPath, 'package.json'),
          kind: 'package.json',
          lockfile: path.join(projectPath, 'package-lock.json'),
          dependencies: [
            { name: 'react', range: '^18.2.0', kind: 'runtime', locked: '18.2.0' },
            { name: 'typescript', range: '*', kind: 'dev' },
          ],
        },
      ],
    },
    children: [],
    parent: null,
    findings: [{ code: 'manifest/malformed', severity: 'warning', message: 'line 3: unexpected token', file: path.join(projectPath, 'tsconfig.json'), line: 3 }],
    scannedAt: '2024-05-02T08:30:00.000Z',
    ...overrides,
  };
}

/** Bytes of a real Optimus database built by only the first `steps` migrations, optionally with extra SQL. */
export async function databaseBytes(steps: number, sql = ''): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    migrate(db, steps);
    if (sql) db.exec(sql);
    return db.export();
  } finally {
    db.close();
  }
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** chattr +i makes a file or folder immutable even for root; false where the file system does not support it. */
export function makeImmutable(target: string): boolean {
  return spawnSync('chattr', ['+i', target], { stdio: 'ignore' }).status === 0;
}

export function undoImmutable(target: string): void {
  spawnSync('chattr', ['-i', target], { stdio: 'ignore' });
}

/** A pid that belonged to a process that has exited. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return child.pid ?? 999_999;
}

export function listDir(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}
