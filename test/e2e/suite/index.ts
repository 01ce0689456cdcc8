// Entry point VS Code loads from `extensionTestsPath` (compiled to index.js by test/e2e/run.mjs): it runs the
// compiled `*.test.js` files beside it with mocha inside the extension host and rejects when any test fails.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { report } from './helpers';

export function run(): Promise<void> {
  // The workbench forwards console.log arguments joined by commas, unformatted: hand it finished lines.
  Mocha.reporters.Base.consoleLog = report;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
