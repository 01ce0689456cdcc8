import { statSync } from 'node:fs';
import path from 'node:path';
import type ts from 'typescript';
import { typescript } from '../source';
import { parseTsconfig } from './tsConfigFile';

/** Unsaved text of open documents, by absolute path; `version` changes with every edit. */
interface Overlay {
  text: string;
  version: number;
}

/**
 * A LanguageService over one tsconfig, with open documents' unsaved text laid over the disk. It keeps its
 * program between calls and re-parses only what changed, which is what makes diagnostics while typing cheap.
 * The tsconfig is read again when it changes or every 30 s (new files matching its globs).
 */
export interface DocumentService {
  service: ts.LanguageService;
  overlays: Map<string, Overlay>;
  configErrors: readonly ts.Diagnostic[];
}

interface Entry extends DocumentService {
  configPath: string;
  parsed: ts.ParsedCommandLine | null;
  parsedAt: number;
  configMtimeMs: number;
  /** Set per call: how long TypeScript may work before it is told to stop. */
  token: ts.CancellationToken | undefined;
}

const REPARSE_AFTER_MS = 30_000;
const MAX_SERVICES = 2;
const services = new Map<string, Entry>();
/** Shared so two services over overlapping files parse each file once. */
let registry: ts.DocumentRegistry | null = null;

export function documentService(configPath: string, token: ts.CancellationToken): DocumentService {
  const entry = services.get(configPath) ?? createEntry(configPath);
  services.delete(configPath);
  services.set(configPath, entry); // Map order is the LRU order
  while (services.size > MAX_SERVICES) disposeOldest();
  refreshConfig(entry);
  entry.token = token;
  return entry;
}

/** Drops a document's unsaved text (it was closed or saved), from every service. */
export function releaseDocumentOverlay(file: string): void {
  for (const entry of services.values()) entry.overlays.delete(path.resolve(file));
}

export function disposeDocumentServices(): void {
  for (const entry of services.values()) entry.service.dispose();
  services.clear();
}

function disposeOldest(): void {
  const [key, entry] = services.entries().next().value as [string, Entry];
  entry.service.dispose();
  services.delete(key);
}

function createEntry(configPath: string): Entry {
  const t = typescript();
  registry ??= t.createDocumentRegistry(t.sys.useCaseSensitiveFileNames);
  const entry: Entry = { configPath, parsed: null, parsedAt: 0, configMtimeMs: -1, overlays: new Map(), configErrors: [], token: undefined, service: undefined as unknown as ts.LanguageService };
  entry.service = t.createLanguageService(serviceHost(entry), registry);
  return entry;
}

function refreshConfig(entry: Entry): void {
  const mtime = statSync(entry.configPath, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  if (entry.parsed && mtime === entry.configMtimeMs && Date.now() - entry.parsedAt < REPARSE_AFTER_MS) return;
  const { parsed, errors } = parseTsconfig(entry.configPath);
  Object.assign(entry, { parsed, configErrors: errors, parsedAt: Date.now(), configMtimeMs: mtime });
}

function serviceHost(entry: Entry): ts.LanguageServiceHost {
  const t = typescript();
  const overlay = (file: string): Overlay | undefined => entry.overlays.get(path.resolve(file));
  return {
    getCompilationSettings: () => entry.parsed?.options ?? t.getDefaultCompilerOptions(),
    // An open file the tsconfig does not include still gets the project's options and types.
    getScriptFileNames: () => [...new Set([...(entry.parsed?.fileNames ?? []), ...entry.overlays.keys()])],
    getProjectReferences: () => entry.parsed?.projectReferences,
    getScriptVersion: (file) => {
      const o = overlay(file);
      return o ? `overlay-${o.version}` : String(statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    },
    getScriptSnapshot: (file) => {
      const text = overlay(file)?.text ?? t.sys.readFile(file);
      return text === undefined ? undefined : t.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => path.dirname(entry.configPath),
    getDefaultLibFileName: (options) => t.getDefaultLibFilePath(options),
    fileExists: (file) => overlay(file) !== undefined || t.sys.fileExists(file),
    readFile: (file, encoding) => overlay(file)?.text ?? t.sys.readFile(file, encoding),
    readDirectory: t.sys.readDirectory,
    directoryExists: t.sys.directoryExists,
    getDirectories: t.sys.getDirectories,
    realpath: t.sys.realpath,
    useCaseSensitiveFileNames: () => t.sys.useCaseSensitiveFileNames,
    getCancellationToken: () => entry.token ?? { isCancellationRequested: () => false, throwIfCancellationRequested: () => undefined },
  };
}
