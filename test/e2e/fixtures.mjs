// The fixture portfolio of the end-to-end tests: real folders with real git repositories.
//
// createFixtures(root) writes the projects and returns what the extension should report for each; run.mjs
// passes that list to the in-host suite (as JSON) and checks the same facts in the tree it drives.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} ExpectedProject
 * @property {string} name     label in the tree, `Project.name`
 * @property {string} path     absolute path, `Project.path`
 * @property {string|null} branch  `Project.git.branch`; null when the folder is not a git repository
 * @property {boolean} dirty   `Project.git.dirty`
 * @property {string[]} languages  must be among `Project.stack.languages`
 * @property {string[]} frameworks must be among `Project.stack.frameworks`
 * @property {string[]} description words the tree item's description must show (branch and stack)
 */

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

const FIXTURES = [
  {
    name: 'storefront-web',
    git: { branch: 'main' },
    languages: ['typescript'],
    frameworks: ['react'],
    description: ['main', 'TypeScript', 'React'],
    files: {
      'package.json': json({
        name: 'storefront-web',
        version: '1.0.0',
        private: true,
        scripts: { dev: 'vite', build: 'tsc && vite build' },
        dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1' },
        devDependencies: { typescript: '^5.5.4', vite: '^5.4.0', '@types/react': '^18.3.3' },
      }),
      'tsconfig.json': json({ compilerOptions: { target: 'ES2022', jsx: 'react-jsx', strict: true }, include: ['src'] }),
      'src/App.tsx': 'export function App() {\n  return <h1>Storefront</h1>;\n}\n',
      'src/main.tsx': "import { createRoot } from 'react-dom/client';\nimport { App } from './App';\n\ncreateRoot(document.getElementById('root')!).render(<App />);\n",
      'README.md': '# storefront-web\n',
    },
  },
  {
    name: 'billing-api',
    git: { branch: 'feature/login', uncommitted: { 'app.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get("/login")\ndef login():\n    return {"ok": True}\n' } },
    dirty: true,
    languages: ['python'],
    frameworks: ['flask'],
    description: ['feature/login', 'Python', 'Flask'],
    files: {
      'pyproject.toml': '[project]\nname = "billing-api"\nversion = "0.1.0"\nrequires-python = ">=3.10"\ndependencies = ["flask>=3.0"]\n',
      'requirements.txt': 'flask==3.0.3\n',
      'app.py': 'from flask import Flask\n\napp = Flask(__name__)\n',
    },
  },
  {
    name: 'log-shipper',
    git: { branch: 'main' },
    languages: ['rust'],
    frameworks: [],
    description: ['main', 'Rust'],
    files: {
      'Cargo.toml': '[package]\nname = "log-shipper"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
      'src/main.rs': 'fn main() {\n    println!("shipping");\n}\n',
    },
  },
  {
    name: 'edge-proxy',
    git: { branch: 'develop' },
    languages: ['go'],
    frameworks: [],
    description: ['develop', 'Go'],
    files: {
      'go.mod': 'module example.com/edge-proxy\n\ngo 1.22\n',
      'main.go': 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("proxy")\n}\n',
    },
  },
  {
    name: 'scratch-notes',
    git: null,
    languages: [],
    frameworks: [],
    description: [],
    files: {
      'package.json': json({ name: 'scratch-notes', version: '0.0.1', private: true }),
      // The project the runtime phase starts from the tree: a real server on a free port.
      '.optimus.json': json({ start: 'node index.js' }),
      'index.js': "require('http').createServer((q, s) => s.end('notes')).listen(0, '127.0.0.1', function () {\n  console.log('notes on ' + this.address().port);\n});\n",
    },
  },
];

/** The fixture the runtime phase starts and stops from the tree. */
export const RUNNABLE_PROJECT = 'scratch-notes';

/** The folder the file-watching test creates while the extension runs (not part of the initial scan). */
export const LATE_PROJECT = {
  name: 'newapp',
  files: { 'package.json': json({ name: 'newapp', version: '0.1.0', private: true }) },
};

/** Writes the fixture projects under `root` (must exist and be empty) and returns what should be reported. */
export function createFixtures(root) {
  return FIXTURES.map((fixture) => {
    const dir = path.join(root, fixture.name);
    writeFiles(dir, fixture.files);
    if (fixture.git) makeRepository(dir, fixture.git);
    return /** @type {ExpectedProject} */ ({
      name: fixture.name,
      path: dir,
      branch: fixture.git?.branch ?? null,
      dirty: Boolean(fixture.dirty),
      languages: fixture.languages,
      frameworks: fixture.frameworks,
      description: fixture.description,
    });
  });
}

export function writeFiles(dir, files) {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** `git init` on `main`, one commit of everything, then the fixture's branch and uncommitted edits. */
function makeRepository(dir, { branch, uncommitted }) {
  const git = (...args) => execFileSync('git', [
    '-c', 'user.name=Optimus E2E', '-c', 'user.email=e2e@optimus.invalid',
    '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args,
  ], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'Initial commit');
  if (branch !== 'main') git('checkout', '--quiet', '-b', branch);
  if (uncommitted) writeFiles(dir, uncommitted);
}
