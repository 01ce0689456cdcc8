import { svg, type SVGTemplateResult } from 'lit';

/**
 * Icons drawn inline in the theme's text colour: an icon font would be one more resource for the CSP to allow,
 * and emoji are missing from many Linux desktops. Decorative: the button around each carries the label.
 */
const THUMB = 'M2 7h3v7H2zM6 7.2 8.8 2c1.1 0 2 .9 1.8 2L10.2 6h3.6c.8 0 1.4.8 1.2 1.6l-1.2 5A1.6 1.6 0 0 1 12.2 14H6z';

export function thumbIcon(direction: 'up' | 'down'): SVGTemplateResult {
  return svg`<svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor">
    <path d=${THUMB} transform=${direction === 'down' ? 'rotate(180 8 8)' : ''}></path>
  </svg>`;
}
