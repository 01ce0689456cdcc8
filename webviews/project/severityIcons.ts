import { html, svg } from 'lit';
import type { Severity } from './detailView';

/**
 * The Problems panel's three marks, drawn inline in the theme's error, warning and info colours. The word goes
 * with the mark (visually hidden), so the severity is never told by colour or shape alone.
 */
const PATHS: Record<Severity, string> = {
  error: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm2.8 8.9-.9.9L8 8.9l-1.9 1.9-.9-.9L7.1 8 5.2 6.1l.9-.9L8 7.1l1.9-1.9.9.9L8.9 8z',
  warning: 'M8.6 1.5a.7.7 0 0 0-1.2 0l-6.3 12a.7.7 0 0 0 .6 1h12.6a.7.7 0 0 0 .6-1zM8.7 12.5H7.3v-1.4h1.4zm0-2.6H7.3V5.5h1.4z',
  info: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm.7 11H7.3V7h1.4zm0-6.3H7.3V4.3h1.4z',
};

export const SEVERITY_WORDS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function severityIcon(severity: Severity) {
  return html`<span class="icon-${severity}"
    >${svg`<svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor" fill-rule="evenodd"><path d=${PATHS[severity]}></path></svg>`}<span
      class="visually-hidden"
      >${SEVERITY_WORDS[severity]}:</span
    ></span
  >`;
}
