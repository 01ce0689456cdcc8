import assert from 'node:assert/strict';
import { normalizeFile } from '../../../../language-server/troubleshooter/frames/normalizeFile';

describe('normalizeFile', () => {
  const cases: Array<[string, string]> = [
    ['file:///home/u/app/main.mjs', '/home/u/app/main.mjs'],
    ['file:///home/u/my%20app/main.mjs', '/home/u/my app/main.mjs'],
    ['file:///home/u/bad%E0%A4%A.mjs', '/home/u/bad%E0%A4%A.mjs'],
    ['file:///C:/Users/u/app/main.mjs', 'C:/Users/u/app/main.mjs'],
    ['file://server/share/app.js', '//server/share/app.js'],
    ['C:\\Users\\u\\app\\index.js', 'C:\\Users\\u\\app\\index.js'],
    ['webpack:///./src/App.js', 'src/App.js'],
    ['webpack:///src/App.js', 'src/App.js'],
    ['webpack://shop/./src/App.js?', 'src/App.js'],
    ['webpack-internal:///./src/App.js', 'src/App.js'],
    ['webpack-internal:///(app-pages-browser)/./src/app/page.tsx', 'src/app/page.tsx'],
    ['webpack:///(webpack)/buildin/global.js', '(webpack)/buildin/global.js'],
    ['http://localhost:5173/src/App.tsx?t=1714031234567', 'http://localhost:5173/src/App.tsx'],
    ['./src/main.rs', 'src/main.rs'],
    ['node:internal/modules/cjs/loader', 'node:internal/modules/cjs/loader'],
    ['<anonymous>', '<anonymous>'],
  ];
  for (const [raw, expected] of cases) {
    it(`${raw} -> ${expected}`, () => assert.equal(normalizeFile(raw), expected));
  }
});
