import os from 'node:os';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isUnderstood, type AskAnswer, type AskProjectRef, type AskUnderstood } from '../../language-server/ask/askTypes';
import { describe } from '../../language-server/ask/describe';
import { exampleSentences } from '../../language-server/ask/examples';
import { MAX_ASK_CHARS } from '../../language-server/ask/normalize';
import { selectTargets, type TargetFacts } from '../../language-server/ask/targets';
import type { Project } from '../../language-server/model';
import { AskRequest, EnvViewRequest } from '../../language-server/protocol';
import { errorText, projectFor } from '../commands/pickProject';
import type { ProjectsModel } from '../projectsModel';
import type { RuntimeModel } from '../runtime/runtimeModel';
import { projectDescription } from '../tree/labels';
import { routeAsk, type AskRoute } from './askRoutes';

export interface AskDeps {
  client: () => LanguageClient;
  projects: ProjectsModel;
  runtime: RuntimeModel;
}

/** While typing, the box says what it understood; parsing is cheap, but not on every keystroke. */
const PREVIEW_DELAY_MS = 150;

/**
 * "Optimus: Ask…": a sentence, parsed by the server, shown as what was understood, then the existing command that
 * does it — after a modal for anything that changes several projects or does not ask on its own. A sentence can
 * be passed as the argument (keybindings, tests).
 */
export function registerAskCommand(deps: AskDeps): vscode.Disposable {
  return vscode.commands.registerCommand('optimus.ask', async (preset?: unknown) => {
    try {
      const text = typeof preset === 'string' ? preset : await askSentence(deps);
      if (text === undefined || text.trim() === '') return;
      const answer = await deps.client().sendRequest(AskRequest.type, { text });
      await carryOut(deps, answer);
    } catch (error) {
      void vscode.window.showErrorMessage(`Optimus: ${errorText(error)}`);
    }
  });
}

function askSentence(deps: AskDeps): Promise<string | undefined> {
  const examples = exampleSentences(deps.projects.all());
  const box = vscode.window.createInputBox();
  box.title = 'Optimus: Ask';
  box.placeholder = `e.g. ${examples.slice(0, 4).map((e) => `“${e}”`).join(', ')}`;
  box.prompt = 'Say what to do or show; nothing that changes anything happens before you confirm it.';
  let timer: NodeJS.Timeout | undefined;
  let latest = 0;
  const preview = (value: string) => {
    clearTimeout(timer);
    if (value.length > MAX_ASK_CHARS) return void (box.validationMessage = `At most ${MAX_ASK_CHARS} characters: ask one thing at a time.`);
    box.validationMessage = undefined;
    const n = ++latest;
    timer = setTimeout(() => {
      if (value.trim() === '') return void (box.prompt = 'Say what to do or show; nothing that changes anything happens before you confirm it.');
      deps.client().sendRequest(AskRequest.type, { text: value }).then(
        (answer) => n === latest && (box.prompt = isUnderstood(answer) ? `→ ${answer.understood}${answer.changesState ? ' (asks first)' : ''}` : answer.message),
        () => undefined,
      );
    }, PREVIEW_DELAY_MS);
  };
  return new Promise((resolve) => {
    box.onDidChangeValue(preview);
    box.onDidAccept(() => {
      if (box.value.length > MAX_ASK_CHARS) return;
      resolve(box.value);
      box.hide();
    });
    box.onDidHide(() => {
      clearTimeout(timer);
      resolve(undefined);
      box.dispose();
    });
    box.show();
  });
}

async function carryOut(deps: AskDeps, answer: AskAnswer): Promise<void> {
  if (!isUnderstood(answer)) return notUnderstood(answer.message, answer.suggestions);
  const resolved = await resolveProject(deps, answer);
  if (!resolved) return;
  const targets = selectTargets(resolved.intent, resolved.slots, deps.projects.all(), facts(deps.runtime));
  const route = routeAsk(resolved, targets, exampleSentences(deps.projects.all()));
  if (route.nothing) return void vscode.window.showInformationMessage(`Optimus: ${route.nothing}`);
  vscode.window.setStatusBarMessage(`Optimus: ${resolved.understood}`, 5000);
  if (route.confirm) {
    const choice = await vscode.window.showWarningMessage(route.confirm.message, { modal: true, detail: route.confirm.detail }, route.confirm.button);
    if (choice !== route.confirm.button) return;
  }
  for (const step of route.steps) await vscode.commands.executeCommand(step.command, ...step.args);
  await extras(deps, route);
}

/** An ambiguous name is picked from its candidates; a missing one from every project. Undefined: cancelled. */
async function resolveProject(deps: AskDeps, answer: AskUnderstood): Promise<AskUnderstood | undefined> {
  let picked: AskProjectRef | undefined;
  if (answer.candidates) {
    const items = answer.candidates.map((c) => ({ label: c.name, detail: c.path, ref: c }));
    picked = (await vscode.window.showQuickPick(items, { title: answer.understood, placeHolder: 'More than one project matches: which one?' }))?.ref;
    if (!picked) return undefined;
  } else if (answer.needsProject) {
    const project = await projectFor(undefined, deps.projects, `${answer.understood.replace(/ a project \(which one\?\)$/, '')}: which project?`);
    if (!project) return undefined;
    picked = { name: project.name, path: project.path };
  }
  if (!picked) return answer;
  const slots = { ...answer.slots, projects: [...answer.slots.projects, picked] };
  const { candidates: _c, needsProject: _n, ...rest } = answer;
  return { ...rest, slots, understood: describe(answer.intent, slots, os.homedir()) };
}

async function extras(deps: AskDeps, route: AskRoute): Promise<void> {
  if (route.info) void vscode.window.showInformationMessage(route.info);
  if (route.pick) await pickAndOpen(route.pick);
  if (route.envOf) await showEnv(deps, route.envOf);
}

async function pickAndOpen(projects: readonly Project[]): Promise<void> {
  if (projects.length === 0) return void vscode.window.showInformationMessage('Optimus: no project matches.');
  const items = projects.map((p) => ({ label: p.name, description: projectDescription(p), detail: p.path, project: p }));
  const picked = await vscode.window.showQuickPick(items, { title: `${projects.length} project${projects.length === 1 ? '' : 's'}`, placeHolder: 'A project to open', matchOnDetail: true });
  if (picked) await vscode.commands.executeCommand('optimus.showProjectDetail', { path: picked.project.path });
}

async function showEnv(deps: AskDeps, path: string): Promise<void> {
  const view = await deps.client().sendRequest(EnvViewRequest.type, { path });
  const name = deps.projects.get(path)?.name ?? path;
  const files = view.files.map((f) => `${f.name} (${f.keys.length} key${f.keys.length === 1 ? '' : 's'})`).join(', ') || 'none';
  const missing = view.example ? `\nMissing from the example: ${view.missing.join(', ') || 'none'}` : '';
  await vscode.window.showInformationMessage(`${name}: environment ${view.profile}`, { modal: true, detail: `Profile ${view.profile} (${view.profileSource}).\nFiles: ${files}.${missing}\n\nValues stay masked; choose another profile with "Optimus: Choose Environment (.env Profile)…".` });
}

async function notUnderstood(message: string, suggestions: readonly string[]): Promise<void> {
  const again = 'Ask Again';
  const choice = await vscode.window.showWarningMessage(`${message} Try: ${suggestions.slice(0, 4).map((s) => `“${s}”`).join(', ')}.`, again);
  if (choice === again) await vscode.commands.executeCommand('optimus.ask');
}

/** Running and crashed, as the Running view shows them. */
function facts(runtime: RuntimeModel): TargetFacts {
  return { running: (path) => runtime.get(path)?.running === true, crashed: (path) => runtime.get(path)?.crashed !== undefined, now: new Date() };
}
