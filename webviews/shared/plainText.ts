import { html, type TemplateResult } from 'lit';

/**
 * Markdown from the server shown as text: paragraphs, bullet lists and `code` spans become elements built by
 * lit, and every character of the source lands in a text node. Nothing is parsed as HTML, so a string holding
 * `<img onerror=…>` is shown as those characters.
 */
export function paragraphs(markdown: string): TemplateResult[] {
  return markdown
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map(blockOf);
}

function blockOf(block: string): TemplateResult {
  const lines = block.split(/\r?\n/);
  if (lines.every((l) => /^\s*[-*]\s+/.test(l))) return html`<ul>${lines.map((l) => html`<li>${inline(l.replace(/^\s*[-*]\s+/, ''))}</li>`)}</ul>`;
  return html`<p>${inline(lines.map((l) => l.replace(/^#+\s+/, '')).join(' '))}</p>`;
}

/** Backtick spans as code, emphasis markers dropped, `[text](url)` as "text (url)". */
export function inline(text: string): Array<TemplateResult | string> {
  return text.split(/(`[^`]+`)/).map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? html`<code>${part.slice(1, -1)}</code>` : prose(part)));
}

function prose(text: string): string {
  return text.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)').replace(/(\*\*|__)(.+?)\1/g, '$2');
}
