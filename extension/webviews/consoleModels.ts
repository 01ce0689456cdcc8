import path from 'node:path';
import type { Project } from '../../language-server/model';
import type { DiagnoseResult } from '../../language-server/protocol';
import type { HistoryRow } from '../../language-server/store/troubleshootingRepo';
import type { Fix } from '../../language-server/troubleshooter/types';
import { isHistoryEntry, LIMITS, type DiagnosisInfo, type FixChoice, type FrameLink, type HistoryEntry, type ProjectChoice } from '../../webviews/console/protocol';
import { ownersText } from '../troubleshooter/diagnosisDocument';
import { offeredFixes } from '../troubleshooter/offeredFixes';

/**
 * What the console is sent, drawn from what the server answered: only the fields it shows, cut to the protocol's
 * bounds so a long explanation is shortened rather than the whole message refused by the webview's guard.
 */
export function diagnosisInfo(ref: number, result: DiagnoseResult): DiagnosisInfo {
  const d = result.diagnosis;
  return {
    ref,
    historyId: result.historyId,
    id: d.id,
    title: short(d.title),
    summary: long(`${d.summary}${ownersText(result)}`),
    confidence: Math.min(1, Math.max(0, d.confidence)),
    explanation: long(d.explanation),
    by: d.by,
    frames: userFrames(result).map(({ link }) => link),
    fixes: offeredFixes(result).slice(0, LIMITS.fixes).map(fixChoice),
    alternatives: d.alternatives.map((a) => a.id).slice(0, LIMITS.diagnosisIds),
    projectPath: result.projectPath,
  };
}

/**
 * The frames in the user's code, in the order the trace printed them, each with the path to open: the server's
 * checked absolute path for its first user frame, else the printed path resolved against the project.
 */
export function userFrames(result: DiagnoseResult): Array<{ link: FrameLink; file: string }> {
  const first = result.userFrame;
  return result.diagnosis.frames
    .filter((f) => f.userCode)
    .slice(0, LIMITS.frames)
    .map((f) => {
      const file = first && f.line === first.line && (f.file === first.file || first.file.endsWith(f.file)) ? first.file : absolute(f.file, result.projectPath);
      return { file, link: { file: short(file), line: f.line, column: f.column, function: f.function === null ? null : short(f.function) } };
    });
}

function fixChoice(f: Fix): FixChoice {
  return { key: short(f.key), title: short(f.title), kind: f.kind, command: f.command ? long(f.command) : null, guide: f.guide ? long(f.guide) : null };
}

/** History rows the protocol accepts; a row with an id it would refuse is left out rather than the whole list. */
export function historyEntries(rows: readonly HistoryRow[]): HistoryEntry[] {
  return rows
    .slice(0, LIMITS.historyRows)
    .map((r): HistoryEntry => ({
      id: r.id,
      projectPath: r.projectPath,
      diagnosis: r.diagnosis,
      confidence: Math.min(1, Math.max(0, r.confidence)),
      source: short(r.source),
      summary: long(r.summary),
      excerpt: short(r.excerpt),
      createdAt: short(r.createdAt),
      feedback: r.feedback === 1 ? 1 : r.feedback === -1 ? -1 : null,
      confirmed: r.confirmed,
      outcomes: r.outcomes.slice(0, LIMITS.fixes * 5).map((o) => ({ fix: short(o.fix), outcome: o.outcome, exitCode: o.exitCode })),
    }))
    .filter(isHistoryEntry);
}

/** Top-level projects and members alike, by name: any of them can own an error. */
export function projectChoices(projects: readonly Project[]): ProjectChoice[] {
  return projects.slice(0, LIMITS.projects).map((p) => ({ path: short(p.path), name: short(p.parent ? `${p.name} (in ${path.basename(p.parent)})` : p.name) }));
}

/** Clipboard text as the protocol carries it: the tail of a long log, where the error usually is. */
export function clipboardText(text: string): string {
  return text.length > LIMITS.errorText ? text.slice(-LIMITS.errorText) : text;
}

function absolute(file: string, project: string | null): string {
  return path.isAbsolute(file) || !project ? file : path.resolve(project, file);
}

const short = (s: string): string => cut(s, LIMITS.shortText);
const long = (s: string): string => cut(s, LIMITS.longText);

function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
