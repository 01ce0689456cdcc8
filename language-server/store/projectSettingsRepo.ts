import type { Database } from 'sql.js';
import type { Store } from './store';

/** What the user chose for one project. Null means "not chosen": the project's files or detection decide. */
export interface ProjectSettings {
  /** Absolute path of the project folder. */
  path: string;
  startCommand: string | null;
  envProfile: string | null;
  deployCommand: string | null;
  keepRunning: boolean;
  /** ISO 8601 UTC. */
  updatedAt: string;
}

export type ProjectSettingsPatch = Partial<Pick<ProjectSettings, 'startCommand' | 'envProfile' | 'deployCommand' | 'keepRunning'>>;

const COLUMNS = 'path, start_command, env_profile, deploy_command, keep_running, updated_at';

export function loadProjectSettings(store: Store, path: string): Promise<ProjectSettings | null> {
  return store.read((db) => selectOne(db, path));
}

/**
 * Changes only the fields in `patch`, in one write (read and update under the store's lock, so two windows
 * setting different fields do not undo each other). A row left with nothing chosen is deleted.
 */
export function saveProjectSettings(store: Store, path: string, patch: ProjectSettingsPatch, now: Date = new Date()): Promise<ProjectSettings | null> {
  return store.write((db) => {
    const merged: ProjectSettings = { ...(selectOne(db, path) ?? emptySettings(path)), ...definedOnly(patch), updatedAt: now.toISOString() };
    if (isEmpty(merged)) {
      db.run('DELETE FROM project_settings WHERE path = ?', [path]);
      return null;
    }
    db.run(
      `INSERT INTO project_settings (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET start_command = excluded.start_command, env_profile = excluded.env_profile,
         deploy_command = excluded.deploy_command, keep_running = excluded.keep_running, updated_at = excluded.updated_at`,
      [path, merged.startCommand, merged.envProfile, merged.deployCommand, merged.keepRunning ? 1 : 0, merged.updatedAt],
    );
    return merged;
  });
}

export function removeProjectSettings(store: Store, path: string): Promise<boolean> {
  return store.write((db) => {
    db.run('DELETE FROM project_settings WHERE path = ?', [path]);
    return db.getRowsModified() > 0;
  });
}

function selectOne(db: Database, path: string): ProjectSettings | null {
  const statement = db.prepare(`SELECT ${COLUMNS} FROM project_settings WHERE path = ?`);
  try {
    statement.bind([path]);
    return statement.step() ? toSettings(statement.getAsObject()) : null;
  } finally {
    statement.free();
  }
}

/** Another process may have written the row; anything of the wrong type reads as "not chosen". */
function toSettings(row: Record<string, unknown>): ProjectSettings {
  return {
    path: String(row.path),
    startCommand: textOrNull(row.start_command),
    envProfile: textOrNull(row.env_profile),
    deployCommand: textOrNull(row.deploy_command),
    keepRunning: row.keep_running === 1,
    updatedAt: typeof row.updated_at === 'string' ? row.updated_at : '',
  };
}

function emptySettings(path: string): ProjectSettings {
  return { path, startCommand: null, envProfile: null, deployCommand: null, keepRunning: false, updatedAt: '' };
}

/** `{ startCommand: undefined }` must not wipe a stored command: only fields that are present change. */
function definedOnly(patch: ProjectSettingsPatch): ProjectSettingsPatch {
  const out: ProjectSettingsPatch = {};
  if (patch.startCommand !== undefined) out.startCommand = patch.startCommand;
  if (patch.envProfile !== undefined) out.envProfile = patch.envProfile;
  if (patch.deployCommand !== undefined) out.deployCommand = patch.deployCommand;
  if (patch.keepRunning !== undefined) out.keepRunning = patch.keepRunning;
  return out;
}

function isEmpty(settings: ProjectSettings): boolean {
  return settings.startCommand === null && settings.envProfile === null && settings.deployCommand === null && !settings.keepRunning;
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
