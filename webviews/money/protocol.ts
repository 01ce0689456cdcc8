/**
 * The Money dashboard's one protocol: what the webview asks of the extension host (commands) and what the host
 * tells the webview (messages). Both sides import this module and check every message they receive with its
 * guard; a message that fails is dropped with a log line, never acted on.
 *
 * The page names the project it means in every command; the host acts only on a project its project list
 * holds. A change carries what the user typed, already checked here against the server's own bounds.
 */
import { isInt, isListOf, isOneOf, isRecord, isText } from '../shared/guards';
import { DIRECTIONS, isEntryItem, isMoneyInfo, isNumberIn, isPath, LIMITS, type Direction, type EntryItem, type MoneyInfo } from './moneyInfo';

export { LIMITS };

export interface ProjectChoice {
  path: string;
  name: string;
}

/** webview → host */
export type MoneyCommand =
  /** The project the page showed before it was hidden (null for a new page): the host shows that one again. */
  | { type: 'ready'; project: string | null }
  | { type: 'pickProject'; project: string }
  | { type: 'refresh'; project: string }
  | { type: 'setRate'; project: string; rate: number }
  | { type: 'addEntry'; project: string; direction: Direction; item: EntryItem }
  | { type: 'removeEntry'; project: string; id: number }
  /** Opens the setting `optimus.advisor.marketSignals`. */
  | { type: 'openMarketSetting' };

/** host → webview */
export type MoneyMessage =
  /** `indexing`: the list is still being made, so an empty one does not yet mean "no projects". */
  | { type: 'projects'; projects: ProjectChoice[]; indexing: boolean }
  /** The page switches to this project and waits for its view. */
  | { type: 'loading'; project: string }
  | { type: 'view'; project: string; view: MoneyInfo }
  /** The project's view could not be had: the server's words. */
  | { type: 'viewFailed'; project: string; message: string }
  /** A change was refused or failed (an untrusted workspace, a removed entry): the view stays as it was. */
  | { type: 'failed'; message: string };

const isMessageText = (v: unknown): v is string => isText(v, LIMITS.sentence);

export function isProjectChoice(v: unknown): v is ProjectChoice {
  return isRecord(v) && isPath(v.path) && isText(v.name, LIMITS.text);
}

export const isProjects = (v: unknown): v is ProjectChoice[] => isListOf(v, LIMITS.projects, isProjectChoice);

export function isMoneyCommand(m: unknown): m is MoneyCommand {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'ready':
      return m.project === null || isPath(m.project);
    case 'pickProject':
    case 'refresh':
      return isPath(m.project);
    case 'setRate':
      return isPath(m.project) && isNumberIn(m.rate, 0, LIMITS.rate);
    case 'addEntry':
      return isPath(m.project) && isOneOf(m.direction, DIRECTIONS) && isEntryItem(m.item);
    case 'removeEntry':
      return isPath(m.project) && isInt(m.id, 1);
    case 'openMarketSetting':
      return true;
    default:
      return false;
  }
}

export function isMoneyMessage(m: unknown): m is MoneyMessage {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'projects':
      return isProjects(m.projects) && typeof m.indexing === 'boolean';
    case 'loading':
      return isPath(m.project);
    case 'view':
      // A view filed under another project than its own is a host bug: drawing it would mislabel the money.
      return isPath(m.project) && isMoneyInfo(m.view) && m.view.path === m.project;
    case 'viewFailed':
      return isPath(m.project) && isMessageText(m.message);
    case 'failed':
      return isMessageText(m.message);
    default:
      return false;
  }
}
