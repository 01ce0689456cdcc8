import { createWriteStream } from 'node:fs';
import { access, chmod, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { locateRepo, type GitDirs } from '../../scanner/git/refs';
import { collectFolder, collectGitFiles, type Collected } from './collect';
import { PartialFiles, hashFile, hashTap } from './files';
import { createBundle, gitSnapshot } from './gitHistory';
import { ProgressMeter } from './progress';
import { tarChunks, type TarReport } from './tarWriter';
import { BackupCancelled, type BackupManifest, type BackupMode, type BackupOptions, type BackupResult, type StoredFile } from './types';

interface Target {
  createdAt: Date;
  dir: string;
  stem: string;
  archive: string;
  bundle: string;
  manifest: string;
}

/**
 * Archives a project (tar.gz), its git history (bundle of all refs) and a manifest describing both, atomically:
 * the manifest appears last, so a listed backup is always complete. Rejects with BackupCancelled on abort.
 */
export async function backupProject(projectDir: string, opts: BackupOptions): Promise<BackupResult> {
  const project = await checkProjectDir(projectDir);
  const backupDir = checkBackupDir(opts.backupDir, project);
  const located = await locateRepo(project);
  const dirs = located && !('error' in located) ? located.dirs : null;
  const mode = chooseMode(opts.mode, dirs, project);
  const partial = new PartialFiles();
  const meter = new ProgressMeter(opts.onProgress);
  try {
    meter.phase('counting');
    const exclude = relativeInside(project, backupDir);
    const collected = mode === 'git-files' ? await collectGitFiles(dirs as GitDirs, exclude, meter, opts.signal) : await collectFolder(project, exclude, meter, opts.signal);
    const target = await reserveTarget(backupDir, project, partial);
    meter.phase('archiving', { files: collected.files, bytes: collected.bytes });
    const { report, archive } = await writeArchive(collected, partial.temp(target.archive), meter, opts.signal);
    meter.phase('bundling');
    const history = await bundleHistory(dirs, located && 'error' in located ? located.error : null, partial, target.bundle, opts.signal);
    const manifest = buildManifest(project, mode, collected, report, { file: path.basename(target.archive), ...archive }, history, target);
    opts.signal?.throwIfAborted();
    await publish(partial, target, manifest, history.bundle !== null);
    meter.done();
    return { manifestPath: target.manifest, archivePath: target.archive, bundlePath: history.bundle ? target.bundle : null, manifest };
  } catch (error) {
    await partial.removeAll();
    if (opts.signal?.aborted) throw new BackupCancelled('backup');
    throw error;
  }
}

async function checkProjectDir(projectDir: string): Promise<string> {
  if (typeof projectDir !== 'string' || projectDir.trim() === '') throw new TypeError('backupProject needs the path of a project folder');
  const project = path.resolve(projectDir);
  const info = await stat(project).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`Cannot back up ${project}: it is not a folder`);
  return project;
}

function checkBackupDir(backupDir: string | undefined, project: string): string {
  if (typeof backupDir !== 'string' || backupDir.trim() === '') throw new TypeError('backupProject needs a backupDir to write into');
  const dir = path.resolve(backupDir);
  if (dir === project) throw new Error(`The backup folder cannot be the project folder itself (${project})`);
  return dir;
}

function chooseMode(requested: BackupMode | undefined, dirs: GitDirs | null, project: string): BackupMode {
  if (requested !== undefined && requested !== 'git-files' && requested !== 'folder') throw new TypeError(`Unknown backup mode "${String(requested)}"; use git-files or folder`);
  const mode = requested ?? (dirs ? 'git-files' : 'folder');
  if (mode === 'git-files' && !dirs) throw new Error(`${project} is not a readable git repository; back it up in folder mode`);
  return mode;
}

/** The backup folder may sit inside the project; it must not archive itself. */
function relativeInside(project: string, dir: string): string | null {
  const rel = path.relative(project, dir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : null;
}

export const safeName = (name: string): string => name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_') || 'project';

async function reserveTarget(backupDir: string, project: string, partial: PartialFiles): Promise<Target> {
  const name = safeName(path.basename(project));
  const dir = path.join(backupDir, name);
  const made = await mkdir(dir, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
    throw new Error(`Cannot write the backup into ${backupDir}: ${error instanceof Error ? error.message : String(error)}`);
  });
  partial.trackDirs(made, dir);
  const createdAt = new Date();
  const base = `${name}-${createdAt.toISOString().replace(/:/g, '')}`;
  for (let n = 1; ; n++) {
    const stem = n === 1 ? base : `${base}-${n}`;
    const target = { createdAt, dir, stem, archive: path.join(dir, `${stem}.tar.gz`), bundle: path.join(dir, `${stem}.bundle`), manifest: path.join(dir, `${stem}.manifest.json`) };
    const taken = await Promise.all([target.archive, target.manifest].map((f) => access(f).then(() => true, () => false)));
    if (!taken.includes(true)) return target;
  }
}

async function writeArchive(collected: Collected, file: string, meter: ProgressMeter, signal?: AbortSignal) {
  const report: TarReport = { meter, skipped: [...collected.skipped], incomplete: [], files: 0, bytes: 0 };
  const tap = hashTap();
  const out = createWriteStream(file, { mode: 0o600, flags: 'wx', flush: true });
  await pipeline(Readable.from(tarChunks(collected.entries, report, signal), { objectMode: false }), createGzip(), tap.stream, out, { signal });
  return { report, archive: tap.result() };
}

interface History {
  bundle: Omit<StoredFile, 'file'> | null;
  note?: string;
  git: BackupManifest['git'];
}

async function bundleHistory(dirs: GitDirs | null, repoError: string | null, partial: PartialFiles, finalPath: string, signal?: AbortSignal): Promise<History> {
  if (!dirs) return { bundle: null, git: null, note: repoError ? `git could not read the repository (${repoError}); files only` : 'not a git repository' };
  const git = await gitSnapshot(dirs, signal);
  const file = partial.temp(finalPath);
  // git writes through `<file>.lock`; a git killed on cancel leaves it behind.
  partial.track(`${file}.lock`);
  const outcome = await createBundle(dirs, git, file, signal);
  if (!outcome.created) return { bundle: null, git, note: outcome.note };
  await chmod(file, 0o600);
  return { bundle: await hashFile(file, signal), git };
}

function buildManifest(project: string, mode: BackupMode, c: Collected, r: TarReport, archive: StoredFile, h: History, t: Target): BackupManifest {
  return {
    format: 'optimus-backup',
    version: 1,
    projectPath: project,
    projectName: path.basename(project),
    createdAt: t.createdAt.toISOString(),
    mode,
    fileCount: r.files,
    totalBytes: r.bytes,
    archive,
    bundle: h.bundle ? { file: path.basename(t.bundle), ...h.bundle } : null,
    ...(h.note ? { bundleNote: h.note } : {}),
    git: h.git,
    skipped: r.skipped,
    ...(r.incomplete.length ? { incomplete: r.incomplete } : {}),
    ...(c.excluded.length ? { excluded: c.excluded } : {}),
  };
}

/** Renames into place, manifest last: until it exists the backup is not listed, and a failure here unpublishes. */
async function publish(partial: PartialFiles, t: Target, manifest: BackupManifest, hasBundle: boolean): Promise<void> {
  const tempManifest = partial.temp(t.manifest);
  await writeFile(tempManifest, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx', flush: true });
  const moves: [string, string][] = [[partial.temp(t.archive), t.archive]];
  if (hasBundle) moves.push([partial.temp(t.bundle), t.bundle]);
  moves.push([tempManifest, t.manifest]);
  for (const [from, to] of moves) {
    partial.track(to);
    await rename(from, to);
    partial.forget(from);
  }
  for (const [, to] of moves) partial.forget(to);
}
