/**
 * Index of the '(' that opens the ')' ending `text`, or -1. Scanning back keeps parentheses inside names
 * (Go's `main.(*T).M(...)`, paths like `Program Files (x86)`) balanced.
 */
export function openingParen(text: string): number {
  if (!text.endsWith(')')) return -1;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return i;
  }
  return -1;
}
