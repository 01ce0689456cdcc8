import os from 'node:os';
import path from 'node:path';
import type { OptimusSettings } from './protocol';
import { expandHome } from './scanner/ignore';

export const DEFAULT_SETTINGS: OptimusSettings = {
  roots: ['~/projects'],
  scan: { ignore: [], maxDepth: 4 },
  runtime: { keepRunningOnClose: false, sampleSeconds: 3 },
  containers: { enabled: true },
  backup: { folder: '', keep: 10 },
  analysis: { enabled: true, complexityThreshold: 10, cognitiveThreshold: 15, lint: true, npmAudit: true, outdated: true, preventive: true, osvDatabase: '' },
  advisor: { marketSignals: false },
  api: { enabled: false, port: 7878 },
};

export interface CheckedSettings {
  settings: OptimusSettings;
  /** One sentence per setting that was wrong and replaced by its default. */
  problems: string[];
}

/** Settings come from JSON the user typed: anything of the wrong shape falls back to the default, with a message. */
export function checkSettings(raw: unknown): CheckedSettings {
  const problems: string[] = [];
  const value = isObject(raw) ? raw : {};
  const scan = isObject(value.scan) ? value.scan : {};
  const roots = stringList(value.roots, 'optimus.roots', DEFAULT_SETTINGS.roots, problems);
  const ignore = stringList(scan.ignore, 'optimus.scan.ignore', DEFAULT_SETTINGS.scan.ignore, problems);
  const maxDepth = depth(scan.maxDepth, problems);
  const runtime = section(value.runtime);
  const backup = section(value.backup);
  const analysis = section(value.analysis);
  const d = DEFAULT_SETTINGS;
  return {
    settings: {
      roots,
      scan: { ignore, maxDepth },
      runtime: {
        keepRunningOnClose: flag(runtime.keepRunningOnClose, 'optimus.runtime.keepRunningOnClose', d.runtime.keepRunningOnClose, problems),
        sampleSeconds: bounded(runtime.sampleSeconds, 'optimus.runtime.sampleSeconds', { min: 1, max: 60, whole: false }, d.runtime.sampleSeconds, problems),
      },
      containers: { enabled: flag(section(value.containers).enabled, 'optimus.containers.enabled', d.containers.enabled, problems) },
      backup: {
        folder: text(backup.folder, 'optimus.backup.folder', d.backup.folder, problems),
        keep: bounded(backup.keep, 'optimus.backup.keep', { min: 0, max: 1000, whole: true }, d.backup.keep, problems),
      },
      analysis: {
        enabled: flag(analysis.enabled, 'optimus.analysis.enabled', d.analysis.enabled, problems),
        complexityThreshold: bounded(analysis.complexityThreshold, 'optimus.analysis.complexityThreshold', { min: 1, max: 100, whole: true }, d.analysis.complexityThreshold, problems),
        cognitiveThreshold: bounded(analysis.cognitiveThreshold, 'optimus.analysis.cognitiveThreshold', { min: 1, max: 200, whole: true }, d.analysis.cognitiveThreshold, problems),
        lint: flag(analysis.lint, 'optimus.analysis.lint', d.analysis.lint, problems),
        npmAudit: flag(analysis.npmAudit, 'optimus.analysis.npmAudit', d.analysis.npmAudit, problems),
        outdated: flag(analysis.outdated, 'optimus.analysis.outdated', d.analysis.outdated, problems),
        preventive: flag(analysis.preventive, 'optimus.analysis.preventive', d.analysis.preventive, problems),
        osvDatabase: text(analysis.osvDatabase, 'optimus.analysis.osvDatabase', d.analysis.osvDatabase, problems),
      },
      advisor: { marketSignals: flag(section(value.advisor).marketSignals, 'optimus.advisor.marketSignals', d.advisor.marketSignals, problems) },
      api: {
        enabled: flag(section(value.api).enabled, 'optimus.api.enabled', d.api.enabled, problems),
        port: bounded(section(value.api).port, 'optimus.api.port', { min: 1024, max: 65535, whole: true }, d.api.port, problems),
      },
    },
    problems,
  };
}

function section(raw: unknown): Record<string, unknown> {
  return isObject(raw) ? raw : {};
}

function flag(raw: unknown, name: string, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw === 'boolean') return raw;
  problems.push(`${name} must be true or false; using ${fallback} until it is fixed.`);
  return fallback;
}

function text(raw: unknown, name: string, fallback: string, problems: string[]): string {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw === 'string') return raw;
  problems.push(`${name} must be a string (a folder path); using ${JSON.stringify(fallback)} until it is fixed.`);
  return fallback;
}

function bounded(raw: unknown, name: string, range: { min: number; max: number; whole: boolean }, fallback: number, problems: string[]): number {
  if (raw === undefined || raw === null) return fallback;
  const ok = typeof raw === 'number' && Number.isFinite(raw) && raw >= range.min && raw <= range.max && (!range.whole || Number.isInteger(raw));
  if (ok) return raw;
  problems.push(`${name} must be a ${range.whole ? 'whole ' : ''}number from ${range.min} to ${range.max}; using ${fallback} until it is fixed.`);
  return fallback;
}

/** The folders to scan: configured roots (with `~` expanded, made absolute) plus the workspace folders, once each. */
export function effectiveRoots(settings: OptimusSettings, workspaceFolders: readonly string[], home = os.homedir()): string[] {
  const all = [...settings.roots.map((r) => path.resolve(expandHome(r, home))), ...workspaceFolders.map((w) => path.resolve(w))];
  const unique = [...new Set(all)];
  // A workspace folder inside a configured root is found by the walk already.
  return unique.filter((r) => !unique.some((other) => other !== r && r.startsWith(other + path.sep)));
}

function stringList(raw: unknown, name: string, fallback: string[], problems: string[]): string[] {
  if (raw === undefined || raw === null) return fallback;
  if (Array.isArray(raw) && raw.every((r) => typeof r === 'string')) return raw;
  problems.push(`${name} must be a list of strings, like ["~/projects"]; using ${JSON.stringify(fallback)} until it is fixed.`);
  return fallback;
}

function depth(raw: unknown, problems: string[]): number {
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS.scan.maxDepth;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 20) return raw;
  problems.push(`optimus.scan.maxDepth must be a whole number from 0 to 20; using ${DEFAULT_SETTINGS.scan.maxDepth} until it is fixed.`);
  return DEFAULT_SETTINGS.scan.maxDepth;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
