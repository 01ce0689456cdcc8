/** What kind of thing a project is, as far as its files tell. The Advisor picks revenue models from this. */
export type ProjectType =
  | 'library'
  | 'cli'
  | 'web-app'
  | 'api-service'
  | 'mobile-app'
  | 'browser-extension'
  | 'editor-extension'
  | 'desktop-app'
  | 'data-ml'
  | 'game'
  | 'static-site'
  | 'unknown';

/**
 * Every type a rule can name, most specific first: on equal scores the earlier one wins, because a VS Code
 * extension that also has a `main` is an extension before it is a library.
 */
export const SPECIFICITY: readonly Exclude<ProjectType, 'unknown'>[] = [
  'editor-extension', 'browser-extension', 'mobile-app', 'desktop-app', 'game', 'static-site', 'data-ml',
  'web-app', 'api-service', 'cli', 'library',
];

/** Another reading of the project that some evidence supports. */
export interface AlternativeType {
  type: Exclude<ProjectType, 'unknown'>;
  /** How strongly its own evidence alone supports it, 0..1 (before comparing with the winner). */
  score: number;
  evidence: string[];
}

export interface Classification {
  type: ProjectType;
  /** 0..1; see README.md for how it is computed. 0 for `unknown`. */
  confidence: number;
  /** Why, in words that name the file and field (`package.json has "bin": {"tool": ...}`); for `unknown`, why not. */
  evidence: string[];
  /** Other types with some evidence, strongest first. */
  alternatives: AlternativeType[];
  /** What could not be read or was not looked at; empty when everything was. */
  notes: string[];
}
