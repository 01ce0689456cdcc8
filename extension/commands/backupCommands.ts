import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Project } from '../../language-server/model';
import type { BackupListing } from '../../language-server/orchestrator/backup/catalog';
import { BackupRequest, BackupsRequest, RestoreRequest, VerifyBackupRequest } from '../../language-server/protocol';
import { withServerProgress, wasCancelled } from '../progress';
import type { ProjectsModel } from '../projectsModel';
import { formatBytes } from '../runtime/format';
import { errorText, projectCommand } from './pickProject';

/** Back up a project, list its backups, verify one, restore one into a new folder. */
export function registerBackupCommands(model: ProjectsModel, client: () => LanguageClient): vscode.Disposable[] {
  return [
    projectCommand('optimus.backup', 'Project to back up', model, (p) => backup(client(), p)),
    projectCommand('optimus.showBackups', 'Project whose backups to show', model, (p) => showBackups(client(), p)),
    vscode.commands.registerCommand('optimus.restoreBackup', () => showBackups(client(), undefined)),
  ];
}

async function backup(client: LanguageClient, project: Project): Promise<void> {
  await withServerProgress(`Backing up ${project.name}`, async (progressId, token) => {
    try {
      const done = await client.sendRequest(BackupRequest.type, { path: project.path, progressId }, token);
      const extra = [done.bundlePath ? 'with its git history' : done.bundleNote, done.pruned ? `${done.pruned} older removed` : '', done.skipped ? `${done.skipped} skipped` : ''].filter(Boolean).join(', ');
      const choice = await vscode.window.showInformationMessage(`Backed up ${project.name}: ${done.fileCount} files, ${formatBytes(done.totalBytes)}${extra ? ` (${extra})` : ''}.`, 'Reveal', 'Show Backups');
      if (choice === 'Reveal') await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(done.archivePath));
      if (choice === 'Show Backups') await showBackups(client, project);
    } catch (error) {
      if (wasCancelled(error, token)) return void vscode.window.setStatusBarMessage(`Backup of ${project.name} cancelled; nothing was kept`, 4000);
      throw error;
    }
  });
}

type BackupPick = vscode.QuickPickItem & { listing: BackupListing };

async function showBackups(client: LanguageClient, project: Project | undefined): Promise<void> {
  const listings = await client.sendRequest(BackupsRequest.type, project ? { path: project.path } : {});
  if (listings.length === 0) {
    void vscode.window.showInformationMessage(project ? `${project.name} has no backups yet. Run "Optimus: Back Up Project".` : 'There are no backups in the backup folder (setting optimus.backup.folder).');
    return;
  }
  const items: BackupPick[] = listings.map((l) => ({
    label: `${l.manifest?.projectName ?? '?'} · ${new Date(l.createdAt).toLocaleString()}`,
    description: l.damaged ? `$(warning) damaged: ${l.damaged}` : `${l.manifest?.fileCount ?? 0} files · ${formatBytes(l.manifest?.totalBytes ?? 0)} · ${l.manifest?.mode ?? ''}`,
    detail: l.manifestPath,
    listing: l,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: project ? `Backups of ${project.name}` : 'Backups', placeHolder: 'A backup to verify or restore', matchOnDetail: true });
  if (!picked) return;
  const action = await vscode.window.showQuickPick(['Restore into a New Folder…', 'Verify Checksums', 'Reveal in File Manager'], { title: picked.label });
  if (action === 'Verify Checksums') await verify(client, picked.listing);
  if (action === 'Reveal in File Manager') await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(picked.listing.manifestPath));
  if (action?.startsWith('Restore')) await restore(client, picked.listing);
}

async function verify(client: LanguageClient, listing: BackupListing): Promise<void> {
  const result = await withServerProgress('Verifying backup', (_id, token) => client.sendRequest(VerifyBackupRequest.type, { manifestPath: listing.manifestPath }, token));
  const bad = result.parts.filter((p) => !p.ok);
  if (result.ok) void vscode.window.showInformationMessage(`The backup is intact: ${result.parts.map((p) => p.part).join(', ')} match their checksums.`);
  else void vscode.window.showErrorMessage(`The backup is damaged: ${bad.map((p) => `${p.part}: ${p.problem ?? 'mismatch'}`).join('; ')}`);
}

async function restore(client: LanguageClient, listing: BackupListing): Promise<void> {
  const parent = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Restore Here', title: 'Folder to restore into (a new folder is made inside it)' });
  if (!parent?.[0]) return;
  const name = `${listing.manifest?.projectName ?? 'project'}-restored-${listing.createdAt.slice(0, 10)}`;
  const dest = vscode.Uri.joinPath(parent[0], name).fsPath;
  const ok = await vscode.window.showInformationMessage(`Restore into ${dest}?`, { modal: true, detail: `From ${listing.manifestPath}. The folder must be new or empty; nothing else is touched.` }, 'Restore');
  if (ok !== 'Restore') return;
  await withServerProgress('Restoring backup', async (progressId, token) => {
    try {
      const done = await client.sendRequest(RestoreRequest.type, { source: listing.manifestPath, dest, progressId }, token);
      const history = done.history === 'restored' ? ' with its git history' : '';
      const choice = await vscode.window.showInformationMessage(`Restored ${done.files} files${history} into ${done.destDir}.`, 'Open Folder', 'Open in New Window');
      if (choice) await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(done.destDir), { forceNewWindow: choice === 'Open in New Window' });
    } catch (error) {
      if (wasCancelled(error, token)) return void vscode.window.setStatusBarMessage('Restore cancelled; nothing was kept', 4000);
      void vscode.window.showErrorMessage(`Optimus: ${errorText(error)}`);
    }
  });
}
