import assert from 'node:assert/strict';
import { diagnoseText } from '../helpers';

/**
 * Per-diagnosis tests for the knowledge entries of group A: each id recognises its error in the formats of the
 * runtimes and tools that print it (with the facts its fixes need), and leaves near misses — other causes that
 * share words with it, warnings that merely mention them — to their own id or to `unknown`.
 */

interface Positive {
  text: string;
  /** Named groups the winning pattern must have captured (a subset). */
  captures?: Record<string, string>;
  /** The first fix's title, or a command it must run. */
  firstFix?: string;
  command?: string;
}

function positives(id: string, cases: readonly Positive[]): void {
  for (const [i, c] of cases.entries()) {
    it(`recognises format ${i + 1}: ${oneLine(c.text)}`, async () => {
      const d = await diagnoseText(c.text);
      assert.equal(d.id, id, `got ${d.id} (alternatives ${JSON.stringify(d.alternatives)}) for:\n${c.text}`);
      assert.equal(d.by, 'rules');
      for (const [name, value] of Object.entries(c.captures ?? {})) assert.equal(d.captures[name], value, `capture ${name}`);
      if (c.firstFix) assert.equal(d.fixes[0]?.title, c.firstFix);
      if (c.command) assert.equal(d.fixes.find((f) => f.kind === 'command')?.command, c.command);
      assert.ok(d.fixes.length > 0, 'offers at least one fix');
      assert.ok(!/\{\w+\}/.test(d.summary), `summary is filled: ${d.summary}`);
    });
  }
}

function nearMisses(id: string, cases: ReadonlyArray<{ text: string; expect: string }>): void {
  for (const c of cases) {
    it(`leaves to ${c.expect}: ${oneLine(c.text)}`, async () => {
      const d = await diagnoseText(c.text);
      assert.notEqual(d.id, id, `wrongly ${id} for:\n${c.text}`);
      assert.equal(d.id, c.expect, `expected ${c.expect}, got ${d.id} for:\n${c.text}`);
    });
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 70 ? `${line.slice(0, 67)}...` : line;
}

describe('troubleshooter knowledge (group A)', () => {
  describe('python-module-not-found', () => {
    positives('python-module-not-found', [
      {
        text: 'Traceback (most recent call last):\n  File "/home/me/app/main.py", line 3, in <module>\n    import requests\nModuleNotFoundError: No module named \'requests\'',
        captures: { pymodule: 'requests' },
        firstFix: 'Install requests into the interpreter that runs the code',
        command: 'python -m pip install requests',
      },
      { text: "ModuleNotFoundError: No module named 'flask_sqlalchemy.model'", captures: { pymodule: 'flask_sqlalchemy.model' }, command: 'python -m pip install flask_sqlalchemy' },
      // The import name differs from the name on PyPI: never `pip install yaml` (or `jwt`, `serial`, `fitz`, other projects).
      { text: "ModuleNotFoundError: No module named 'yaml'", captures: { pymodule: 'yaml', renamed: 'yaml' }, firstFix: 'Install the distribution that provides yaml' },
      { text: "ModuleNotFoundError: No module named 'sklearn.ensemble'", captures: { pymodule: 'sklearn.ensemble', renamed: 'sklearn' }, firstFix: 'Install the distribution that provides sklearn' },
      { text: "ModuleNotFoundError: No module named 'distutils'", captures: { stdlib: 'distutils' }, firstFix: 'Install the missing part of Python (distutils)' },
      { text: 'Traceback (most recent call last):\n  File "manage.py", line 8, in <module>\nImportError: No module named django.core.management', captures: { pymodule: 'django.core.management' } },
      { text: "ImportError: No module named 'flask_cors'", captures: { pymodule: 'flask_cors' } },
      {
        text: "ImportError: cannot import name 'soft_unicode' from 'markupsafe' (/home/me/.venv/lib/python3.11/site-packages/markupsafe/__init__.py)",
        captures: { name: 'soft_unicode', pymodule: 'markupsafe' },
        firstFix: 'Find the version of markupsafe that has soft_unicode',
      },
      { text: '/usr/bin/python3: No module named pip', captures: { pymodule: 'pip', stdlib: 'pip' }, firstFix: 'Install the missing part of Python (pip)' },
      { text: "E   ModuleNotFoundError: No module named 'app.services'; 'app' is not a package\n=========================== short test summary info ===========================" },
      { text: 'ImportError: attempted relative import with no known parent package' },
    ]);
    it('never offers to pip-install a name whose PyPI project is another one', async () => {
      for (const name of ['jwt', 'serial', 'fitz', 'cv2', 'PIL']) {
        const d = await diagnoseText(`ModuleNotFoundError: No module named '${name}'`);
        assert.ok(d.fixes.every((f) => f.kind !== 'command' || !f.command?.includes(`install ${name}`)), name);
      }
    });
    nearMisses('python-module-not-found', [
      { text: "Error: Cannot find module 'express'\nRequire stack:\n- /home/me/shop/server.js", expect: 'node-module-not-found' },
      { text: "ImportError: libGL.so.1: cannot open shared object file: No such file or directory", expect: 'native-build-failure' },
      { text: 'ImportError: DLL load failed while importing _ssl: The specified module could not be found.', expect: 'native-build-failure' },
      { text: 'Successfully installed requests-2.31.0 urllib3-2.0.7', expect: 'unknown' },
    ]);
  });

  describe('esm-cjs-mismatch', () => {
    positives('esm-cjs-mismatch', [
      {
        text: "Error [ERR_REQUIRE_ESM]: require() of ES Module /home/me/bot/node_modules/chalk/source/index.js from /home/me/bot/index.js not supported.\nInstead change the require of index.js in /home/me/bot/index.js to a dynamic import() which is available in all CommonJS modules.\n    at Object.<anonymous> (/home/me/bot/index.js:1:15) {\n  code: 'ERR_REQUIRE_ESM'\n}",
        captures: { esmpackage: 'chalk' },
        firstFix: 'Load chalk with a dynamic import(), or pin its last CommonJS version',
      },
      { text: '/home/me/api/src/server.js:1\nimport express from \'express\';\n^^^^^^\n\nSyntaxError: Cannot use import statement outside a module\n    at internalCompileFunction (node:internal/vm:76:18)' },
      { text: "ReferenceError: require is not defined in ES module scope, you can use import instead\nThis file is being treated as an ES module because it has a '.js' file extension and '/app/package.json' contains \"type\": \"module\".", captures: { variable: 'require' } },
      { text: 'ReferenceError: __dirname is not defined in ES module scope\n    at file:///home/me/site/build.mjs:5:23', captures: { variable: '__dirname' } },
      { text: 'TypeError [ERR_UNKNOWN_FILE_EXTENSION]: Unknown file extension ".ts" for /home/me/cli/src/index.ts\n    at Object.getFileProtocolModuleFormat [as file:] (node:internal/modules/esm/get_format:160:9)', captures: { extension: '.ts' } },
      { text: 'Uncaught ReferenceError: exports is not defined\n    at main.js:2:23' },
      { text: "file:///home/me/api/index.js:1\nimport { Pool } from 'pg';\n         ^^^^\nSyntaxError: Named export 'Pool' not found. The requested module 'pg' is a CommonJS module, which may not support all module.exports as named exports.", captures: { module: 'pg' } },
      { text: "    Details:\n\n    /home/me/app/node_modules/nanoid/index.browser.js:1\n    export { urlAlphabet } from './url-alphabet/index.js'\n    ^^^^^^\n\n    SyntaxError: Unexpected token 'export'" },
    ]);
    nearMisses('esm-cjs-mismatch', [
      { text: "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod' imported from /home/me/api/src/index.js", expect: 'node-module-not-found' },
      { text: 'Uncaught SyntaxError: Unexpected token < in JSON at position 0\n    at JSON.parse (<anonymous>)', expect: 'json-parse-error' },
      { text: "TypeError: Cannot read properties of undefined (reading 'default')\n    at Object.<anonymous> (/home/me/app/index.js:4:22)", expect: 'undefined-property-access' },
    ]);
  });

  describe('connection-refused', () => {
    positives('connection-refused', [
      {
        text: "Error: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect'\n}",
        captures: { host: '127.0.0.1', port: '5432' },
        firstFix: 'Start the server on 127.0.0.1:5432',
      },
      { text: 'MongooseServerSelectionError: connect ECONNREFUSED ::1:27017', captures: { host: '::1', port: '27017' } },
      { text: 'psql: error: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?', captures: { host: 'localhost', port: '5432' } },
      { text: 'psql: could not connect to server: Connection refused\n\tIs the server running on host "localhost" (127.0.0.1) and accepting\n\tTCP/IP connections on port 5432?' },
      { text: "requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8000): Max retries exceeded with url: /api (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3a2c1e5d30>: Failed to establish a new connection: [Errno 111] Connection refused'))", captures: { host: 'localhost', port: '8000' } },
      { text: 'redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.', captures: { host: 'localhost', port: '6379' } },
      { text: 'Caused by: java.net.ConnectException: Connection refused\n\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)' },
      { text: 'org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.', captures: { host: 'localhost', port: '5432' } },
      { text: 'Get "http://localhost:8080/health": dial tcp [::1]:8080: connect: connection refused', captures: { port: '8080' } },
      { text: 'curl: (7) Failed to connect to localhost port 3000 after 0 ms: Couldn\'t connect to server', captures: { host: 'localhost', port: '3000' } },
      { text: 'System.Net.Http.HttpRequestException: No connection could be made because the target machine actively refused it. (localhost:5001)', captures: { host: 'localhost', port: '5001' } },
      { text: "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)" },
      { text: "[HPM] Error occurred while proxying request localhost:3000/api/users to http://localhost:5000/ [ECONNREFUSED] (https://nodejs.org/api/errors.html#errors_common_system_errors)" },
      { text: 'GET http://localhost:4000/graphql net::ERR_CONNECTION_REFUSED' },
    ]);
    nearMisses('connection-refused', [
      { text: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', expect: 'docker-daemon-unavailable' },
      { text: 'Error: listen EADDRINUSE: address already in use :::5432', expect: 'port-in-use' },
      { text: 'Error: getaddrinfo ENOTFOUND db.internal.example\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)', expect: 'dns-resolution-failure' },
      { text: 'psql: error: connection to server at "localhost" (127.0.0.1), port 5432 failed: FATAL:  password authentication failed for user "postgres"', expect: 'db-auth-failure' },
    ]);
  });

  describe('permission-denied', () => {
    positives('permission-denied', [
      {
        text: "npm ERR! code EACCES\nnpm ERR! syscall mkdir\nnpm ERR! path /usr/local/lib/node_modules/typescript\nnpm ERR! errno -13\nnpm ERR! Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules/typescript'",
        captures: { path: '/usr/local/lib/node_modules/typescript', npmglobal: '/usr/local/lib/node_modules' },
        firstFix: 'Fix global npm installs without sudo',
      },
      { text: "Error: EPERM: operation not permitted, unlink 'C:\\Users\\me\\shop\\node_modules\\.cache\\0.pack'", captures: { path: 'C:\\Users\\me\\shop\\node_modules\\.cache\\0.pack' } },
      { text: 'Error: listen EACCES: permission denied 0.0.0.0:80\n    at Server.setupListenHandle [as _listen2] (node:net:1855:21)', captures: { port: '80' }, firstFix: 'Listen on a port above 1023 instead of 80' },
      { text: "PermissionError: [Errno 13] Permission denied: '/var/log/myapp/app.log'", captures: { path: '/var/log/myapp/app.log' }, firstFix: 'Check who owns /var/log/myapp/app.log' },
      { text: 'bash: ./deploy.sh: Permission denied', captures: { script: './deploy.sh' }, command: 'chmod +x ./deploy.sh' },
      { text: '> react-scripts start\n\nsh: 1: /home/me/web/node_modules/.bin/react-scripts: Permission denied', captures: { script: '/home/me/web/node_modules/.bin/react-scripts' } },
      { text: "PermissionError: [WinError 5] Access is denied: 'C:\\\\Program Files\\\\Python311\\\\Lib\\\\site-packages\\\\pip'" },
      { text: 'Unhandled exception. System.UnauthorizedAccessException: Access to the path \'C:\\Program Files\\MyApp\\settings.json\' is denied.', captures: { path: 'C:\\Program Files\\MyApp\\settings.json' } },
      { text: 'java.nio.file.AccessDeniedException: /opt/app/data/cache.db\n\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:90)' },
      { text: 'Error: open /etc/app/config.yaml: permission denied' },
      { text: 'error: could not write config file /etc/gitconfig: Permission denied' },
    ]);
    nearMisses('permission-denied', [
      { text: 'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.', expect: 'git-auth-failure' },
      { text: 'docker: permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/create": dial unix /var/run/docker.sock: connect: permission denied.', expect: 'docker-daemon-unavailable' },
      { text: "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)", expect: 'db-auth-failure' },
      { text: "error: externally-managed-environment\n\n× This environment is externally managed", expect: 'python-externally-managed' },
    ]);
  });

  describe('out-of-memory', () => {
    positives('out-of-memory', [
      { text: '<--- Last few GCs --->\n\n[18204:0x6a5c740]    91234 ms: Mark-Compact 4047.2 (4130.1) -> 4032.9 (4131.6) MB\n\n<--- JS stacktrace --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb7a940 node::Abort() [node]\nAborted (core dumped)', firstFix: 'Give Node.js a larger heap' },
      { text: 'FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory' },
      { text: 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)', captures: { kind: 'Java heap space' } },
      { text: 'java.lang.OutOfMemoryError: GC overhead limit exceeded' },
      { text: 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 7.79 GiB of which 1.12 GiB is free.' },
      { text: 'numpy.core._exceptions._ArrayMemoryError: Unable to allocate 7.45 GiB for an array with shape (1000000000,) and data type float64' },
      { text: 'Traceback (most recent call last):\n  File "load.py", line 12, in <module>\n    rows = list(reader)\nMemoryError' },
      { text: 'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/vendor/composer/src/Solver.php on line 223' },
      { text: '#12 45.31 Killed\n#12 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 137' },
      { text: '    State:          Terminated\n      Reason:       OOMKilled\n      Exit Code:    137' },
      { text: 'fatal error: runtime: out of memory\n\nruntime stack:\nruntime.throw({0x9f3b2a?, 0x400000?})' },
      { text: 'memory allocation of 34359738368 bytes failed\nAborted (core dumped)' },
      { text: 'Unhandled exception. System.OutOfMemoryException: Exception of type \'System.OutOfMemoryException\' was thrown.' },
      { text: 'The build failed because the process exited too early. This probably means the system ran out of memory or someone called `kill -9` on the process.' },
    ]);
    nearMisses('out-of-memory', [
      { text: 'RangeError: Maximum call stack size exceeded\n    at walk (/home/me/app/tree.js:4:10)', expect: 'stack-overflow' },
      { text: 'Segmentation fault (core dumped)', expect: 'native-crash' },
      { text: 'npm ERR! ENOSPC: no space left on device, write', expect: 'disk-full' },
      { text: '(node:1234) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 11 exit listeners added to [process].', expect: 'unknown' },
    ]);
  });

  describe('dependency-conflict', () => {
    positives('dependency-conflict', [
      { text: 'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree\nnpm ERR!\nnpm ERR! While resolving: web@0.1.0\nnpm ERR! Found: react@18.2.0\nnpm ERR! node_modules/react\nnpm ERR!   react@"^18.2.0" from the root project\nnpm ERR!\nnpm ERR! Could not resolve dependency:\nnpm ERR! peer react@"^16.8.0 || ^17.0.0" from react-beautiful-dnd@13.1.1' },
      { text: 'npm error code ERESOLVE\nnpm error ERESOLVE could not resolve\nnpm error\nnpm error While resolving: @testing-library/react-hooks@8.0.1\nnpm error Found: @types/react@19.0.2\nnpm error Conflicting peer dependency: @types/react@18.3.18' },
      { text: 'ERROR: Cannot install -r requirements.txt (line 3) and urllib3==2.0.4 because these package versions have conflicting dependencies.\n\nThe conflict is caused by:\n    The user requested urllib3==2.0.4\n    botocore 1.29.165 depends on urllib3<1.27 and >=1.25.4\n\nERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts' },
      { text: 'Because pandas (2.1.0) depends on numpy (>=1.26.0)\n and my-project depends on numpy (1.24.3), pandas is forbidden.\nSo, because my-project depends on pandas (2.1.0), version solving failed.' },
      { text: 'error: failed to select a version for `tokio`.\n    ... required by package `app v0.1.0 (/home/me/app)`\nall possible versions conflict with previously selected packages.', captures: { package: 'tokio' } },
      { text: ' ERR_PNPM_PEER_DEP_ISSUES  Unmet peer dependencies\n\n.\n└─┬ @vitejs/plugin-react 1.3.2\n  └── ✕ unmet peer vite@^2.0.0: found 5.0.0' },
      { text: '  × No solution found when resolving dependencies:\n  ╰─▶ Because flask==3.0.0 depends on werkzeug>=3.0.0 and your project depends on werkzeug==2.3.7, we can conclude that your project\'s requirements are unsatisfiable.' },
      { text: 'Your requirements could not be resolved to an installable set of packages.\n\n  Problem 1\n    - laravel/framework[v10.0.0] require symfony/console ^6.2 -> found symfony/console[v6.2.0] but it conflicts with your root composer.json require (^7.0).' },
      { text: 'Bundler could not find compatible versions for gem "activesupport":\n  In Gemfile:\n    rails (~> 7.0) was resolved to 7.0.8, which depends on\n      activesupport (= 7.0.8)' },
      { text: 'error NU1107: Version conflict detected for Newtonsoft.Json. Install/reference Newtonsoft.Json 13.0.3 directly to project App to resolve this issue.' },
    ]);
    nearMisses('dependency-conflict', [
      { text: 'npm WARN ERESOLVE overriding peer dependency\nnpm WARN While resolving: eslint-config-next@14.0.0\nnpm WARN Found: eslint@9.0.0\n\nadded 312 packages in 9s', expect: 'unknown' },
      { text: 'The current Dart SDK version is 2.19.6.\n\nBecause my_app requires SDK version >=3.0.0 <4.0.0, version solving failed.', expect: 'engine-version-mismatch' },
      { text: 'ERROR: Ignored the following versions that require a different python version: 1.25.0 Requires-Python >=3.9\nERROR: Could not find a version that satisfies the requirement numpy==1.25.0 (from versions: 1.24.4)\nERROR: No matching distribution found for numpy==1.25.0', expect: 'engine-version-mismatch' },
      { text: "npm ci can only install packages when your package.json and package-lock.json are in sync\nMissing: react@18.2.0 from lock file", expect: 'lockfile-out-of-sync' },
      { text: "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/requests/\nERROR: Could not find a version that satisfies the requirement requests (from versions: none)\nERROR: No matching distribution found for requests", expect: 'dns-resolution-failure' },
      { text: '  × No solution found when resolving dependencies:\n  ╰─▶ Because the current Python version (3.8.10) does not satisfy Python>=3.9 and django==5.0 depends on Python>=3.10, we can conclude that django==5.0 cannot be used.', expect: 'engine-version-mismatch' },
    ]);
  });

  describe('engine-version-mismatch', () => {
    positives('engine-version-mismatch', [
      {
        text: "npm WARN EBADENGINE Unsupported engine {\nnpm WARN EBADENGINE   package: 'vite@5.4.2',\nnpm WARN EBADENGINE   required: { node: '^18.0.0 || >=20.0.0' },\nnpm WARN EBADENGINE   current: { node: 'v16.20.2', npm: '8.19.4' }\nnpm WARN EBADENGINE }",
        captures: { nodeversion: '^18.0.0 || >=20.0.0' },
        firstFix: 'Switch to a Node.js version that satisfies ^18.0.0 || >=20.0.0',
      },
      { text: 'npm ERR! code EBADENGINE\nnpm ERR! engine Unsupported engine\nnpm ERR! engine Not compatible with your version of node/npm: next@14.2.3\nnpm ERR! notsup Required: {"node":">=18.17.0"}\nnpm ERR! notsup Actual:   {"npm":"8.19.4","node":"v16.20.2"}' },
      { text: 'error next@14.2.3: The engine "node" is incompatible with this module. Expected version ">=18.17.0". Got "16.20.0"\nerror Found incompatible module.', captures: { nodeversion: '>=18.17.0', current: '16.20.0' } },
      { text: 'You are using Node.js 16.14.0. For Next.js, Node.js version >= v18.17.0 is required.' },
      { text: 'Node.js version v16.13.0 detected.\nThe Angular CLI requires a minimum Node.js version of v18.13.\n\nPlease update your Node.js version or visit https://nodejs.org/ for additional instructions.', captures: { nodeversion: '18.13' } },
      { text: "/home/pi/app/lib/client.js:41\n    const token = options?.auth?.token;\n                         ^\n\nSyntaxError: Unexpected token '.'\n    at wrapSafe (internal/modules/cjs/loader.js:915:16)" },
      { text: "/home/me/app/index.js:12\n  const port = process.env.PORT ?? 3000;\n                                 ^\n\nSyntaxError: Unexpected token '?'\n    at wrapSafe (internal/modules/cjs/loader.js:1001:16)" },
      { text: 'Exception in thread "main" java.lang.UnsupportedClassVersionError: com/example/App has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 52.0', captures: { classversion: '61.0' } },
      { text: "FAILURE: Build failed with an exception.\n\n* What went wrong:\nCould not open settings generic class cache for settings file '/home/me/app/settings.gradle' (/home/me/.gradle/caches/7.4/scripts/abc).\n> BUG! exception in phase 'semantic analysis' in source unit '_BuildScript_' Unsupported class file major version 65", captures: { classversion: '65' } },
      { text: '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project app: Fatal error compiling: error: invalid target release: 17', captures: { javaversion: '17' } },
      { text: "ERROR: Package 'ccm' requires a different Python: 3.8.18 not in '>=3.9'", captures: { current: '3.8.18', pyversion: '>=3.9' }, firstFix: 'Use a Python that satisfies >=3.9' },
      { text: '  File "setup.py", line 12\n    print "Installing..."\n    ^^^^^^^^^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to \'print\'. Did you mean print(...)?', captures: { py2: 'print' } },
      { text: 'go: go.mod requires go >= 1.22.0 (running go 1.21.5; GOTOOLCHAIN=local)', captures: { goversion: '1.22.0' } },
      { text: 'error: package `clap_lex v0.7.0` cannot be built because it requires rustc 1.74 or newer, while the currently active rustc version is 1.70.0', command: 'rustup update stable' },
      { text: 'error NETSDK1045: The current .NET SDK does not support targeting .NET 8.0.  Either target .NET 7.0 or lower, or use a version of the .NET SDK that supports .NET 8.0.' },
      { text: 'The current Dart SDK version is 2.19.6.\n\nBecause my_app requires SDK version >=3.0.0 <4.0.0, version solving failed.' },
      { text: 'Your Ruby version is 2.7.8, but your Gemfile specified 3.2.2', captures: { rubyversion: '3.2.2' } },
      { text: 'Error: error:0308010C:digital envelope routines::unsupported\n    at new Hash (node:internal/crypto/hash:79:19)\n    at Object.createHash (node:crypto:139:10) {\n  library: \'digital envelope routines\',\n  reason: \'unsupported\',\n  code: \'ERR_OSSL_EVP_UNSUPPORTED\'\n}' },
    ]);
    nearMisses('engine-version-mismatch', [
      { text: "/home/me/app/index.js:3\n  const x = {a: 1,, b: 2};\n                  ^\n\nSyntaxError: Unexpected token ','\n    at wrapSafe (node:internal/modules/cjs/loader:1281:20)", expect: 'syntax-error' },
      { text: 'npm WARN optional SKIPPING OPTIONAL DEPENDENCY: fsevents@2.3.2 (node_modules/fsevents):\nnpm WARN notsup SKIPPING OPTIONAL DEPENDENCY: Unsupported platform for fsevents@2.3.2: wanted {"os":"darwin","arch":"any"} (current: {"os":"linux","arch":"x64"})', expect: 'unknown' },
      { text: "Error: The module '/app/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 108. This version of Node.js requires\nNODE_MODULE_VERSION 115.", expect: 'native-build-failure' },
      { text: '  File "app.py", line 4\n    if x = 3:\n         ^\nSyntaxError: invalid syntax', expect: 'syntax-error' },
    ]);
  });

  describe('file-not-found', () => {
    positives('file-not-found', [
      {
        text: "Error: ENOENT: no such file or directory, open '/home/me/api/config/default.json'\n    at Object.openSync (node:fs:596:3) {\n  errno: -2,\n  syscall: 'open',\n  code: 'ENOENT',\n  path: '/home/me/api/config/default.json'\n}",
        captures: { path: '/home/me/api/config/default.json', syscall: 'open' },
        firstFix: 'Check that /home/me/api/config/default.json exists',
      },
      { text: "npm ERR! code ENOENT\nnpm ERR! syscall open\nnpm ERR! path /home/me/package.json\nnpm ERR! errno -2\nnpm ERR! enoent ENOENT: no such file or directory, open '/home/me/package.json'\nnpm ERR! enoent This is related to npm not being able to find a file.", captures: { path: '/home/me/package.json' } },
      { text: "[Error: ENOENT: no such file or directory, scandir '/home/me/blog/posts'] {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'scandir'\n}", captures: { path: '/home/me/blog/posts', syscall: 'scandir' } },
      { text: "Traceback (most recent call last):\n  File \"train.py\", line 14, in <module>\n    df = pd.read_csv('data/train.csv')\nFileNotFoundError: [Errno 2] No such file or directory: 'data/train.csv'", captures: { path: 'data/train.csv' } },
      { text: "FileNotFoundError: [WinError 3] The system cannot find the path specified: 'C:\\\\data\\\\images'" },
      { text: 'Exception in thread "main" java.io.FileNotFoundException: config.properties (No such file or directory)\n\tat java.base/java.io.FileInputStream.open0(Native Method)', captures: { path: 'config.properties' } },
      { text: "Unhandled exception. System.IO.FileNotFoundException: Could not find file 'C:\\app\\appsettings.Production.json'.", captures: { path: 'C:\\app\\appsettings.Production.json' } },
      { text: 'panic: open ./templates/index.html: no such file or directory\n\ngoroutine 1 [running]:\nmain.main()', captures: { path: './templates/index.html' } },
      { text: "python: can't open file '/home/me/project/main.py': [Errno 2] No such file or directory", captures: { path: '/home/me/project/main.py' } },
      { text: 'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 6f1c2a: "/requirements.txt": not found' },
      { text: 'Error: Unable to access jarfile target/app-0.0.1-SNAPSHOT.jar', captures: { path: 'target/app-0.0.1-SNAPSHOT.jar' } },
      { text: 'cat: .env: No such file or directory' },
    ]);
    nearMisses('file-not-found', [
      { text: "Error: spawn git ENOENT\n    at ChildProcess._handle.onexit (node:internal/child_process:284:19) {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'spawn git',\n  path: 'git'\n}", expect: 'command-not-found' },
      { text: "Error: Cannot find module '/home/me/app/dist/index.js'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1039:15) {\n  code: 'MODULE_NOT_FOUND'\n}", expect: 'node-module-not-found' },
      { text: "ModuleNotFoundError: No module named 'pandas'", expect: 'python-module-not-found' },
      { text: "Traceback (most recent call last):\n  File \"/usr/lib/python3.11/subprocess.py\", line 1901, in _execute_child\n    raise child_exception_type(errno_num, err_msg, err_filename)\nFileNotFoundError: [Errno 2] No such file or directory: 'ffmpeg'", expect: 'command-not-found' },
      { text: 'java.io.IOException: Cannot run program "git": error=2, No such file or directory', expect: 'command-not-found' },
      { text: 'error during connect: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/version": open //./pipe/docker_engine: The system cannot find the file specified.', expect: 'docker-daemon-unavailable' },
      { text: 'psql: error: could not connect to server: No such file or directory\n\tIs the server running locally and accepting\n\tconnections on Unix domain socket "/var/run/postgresql/.s.PGSQL.5432"?', expect: 'connection-refused' },
      { text: '    src/lxml/includes/etree_defs.h:14:10: fatal error: Python.h: No such file or directory\n     #include "Python.h"\n              ^~~~~~~~~~\n    compilation terminated.', expect: 'native-build-failure' },
    ]);
  });

  describe('watcher-limit', () => {
    positives('watcher-limit', [
      {
        text: "Error: ENOSPC: System limit for number of file watchers reached, watch '/home/me/shop/node_modules/lodash/fp'\n    at FSWatcher.<computed> (node:internal/fs/watchers:247:19)",
        captures: { path: '/home/me/shop/node_modules/lodash/fp' },
        firstFix: 'Raise the inotify watch limit',
      },
      { text: "[nodemon] Internal watch failed: ENOSPC: System limit for number of file watchers reached, watch '/home/me/api'" },
      { text: 'Error: watch /home/me/app/src ENOSPC\n    at exports._errnoException (util.js:1020:11)\n    at FSWatcher.start (fs.js:1451:19)', captures: { path: '/home/me/app/src' } },
      { text: "Error: ENOSPC: no space left on device, watch '/home/me/app/src/components'" },
      { text: 'OSError: [Errno 28] inotify watch limit reached' },
      { text: 'System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.' },
      { text: 'tail: inotify resources exhausted\ntail: inotify cannot be used, reverting to polling' },
    ]);
    it('shows the sudo sysctl line as a guide, never as a command to run', async () => {
      const d = await diagnoseText("Error: ENOSPC: System limit for number of file watchers reached, watch '/home/me/app'");
      assert.ok(d.fixes.every((f) => f.kind !== 'command' || !/sudo|sysctl/.test(f.command ?? '')));
      assert.match(d.fixes[0]?.guide ?? '', /sudo sysctl fs\.inotify\.max_user_watches=\d+/);
    });
    nearMisses('watcher-limit', [
      { text: 'npm ERR! code ENOSPC\nnpm ERR! syscall write\nnpm ERR! errno -28\nnpm ERR! nospc ENOSPC: no space left on device, write', expect: 'disk-full' },
      { text: 'Watchpack Error (watcher): Error: EMFILE: too many open files, watch', expect: 'too-many-open-files' },
    ]);
  });

  describe('disk-full', () => {
    positives('disk-full', [
      { text: 'npm ERR! code ENOSPC\nnpm ERR! syscall write\nnpm ERR! errno -28\nnpm ERR! nospc ENOSPC: no space left on device, write', command: 'df -h' },
      { text: 'ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device' },
      { text: 'failed to register layer: write /var/lib/docker/overlay2/1f0c7d/diff/usr/lib/libLLVM-15.so.1: no space left on device', captures: { path: '/var/lib/docker/overlay2/1f0c7d/diff/usr/lib/libLLVM-15.so.1' } },
      { text: "fatal: sha1 file '.git/objects/pack/tmp_pack_Xj2k1a' write error: No space left on device" },
      { text: "System.IO.IOException: There is not enough space on the disk. : 'C:\\build\\obj\\Release\\app.dll'" },
      { text: 'java.io.IOException: No space left on device\n\tat java.base/java.io.FileOutputStream.writeBytes(Native Method)' },
      { text: 'write /tmp/go-build2213/b001/exe/main: disk quota exceeded' },
      { text: 'Error: SQLITE_FULL: database or disk is full' },
    ]);
    nearMisses('disk-full', [
      { text: "Error: ENOSPC: System limit for number of file watchers reached, watch '/home/me/app'", expect: 'watcher-limit' },
      { text: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', expect: 'out-of-memory' },
      { text: 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        98G   41G   52G  45% /', expect: 'unknown' },
    ]);
  });

  describe('too-many-open-files', () => {
    positives('too-many-open-files', [
      { text: "Error: EMFILE: too many open files, open '/Users/me/app/node_modules/@babel/core/lib/index.js'\n    at Object.openSync (node:fs:601:3)", captures: { syscall: 'open', path: '/Users/me/app/node_modules/@babel/core/lib/index.js' }, firstFix: 'Raise the open-file limit' },
      { text: 'Watchpack Error (watcher): Error: EMFILE: too many open files, watch' },
      { text: "OSError: [Errno 24] Too many open files: '/home/me/data/chunk_1021.csv'" },
      { text: 'java.net.SocketException: Too many open files\n\tat java.base/sun.nio.ch.Net.accept(Native Method)' },
      { text: '2024/03/04 10:21:44 http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 5ms' },
      { text: "Error: EMFILE, too many open files '/home/me/site/public/img/a.png'" },
      { text: 'thread \'main\' panicked at src/main.rs:20:10:\ncalled `Result::unwrap()` on an `Err` value: Os { code: 24, kind: Uncategorized, message: "Too many open files" }' },
    ]);
    nearMisses('too-many-open-files', [
      { text: 'tail: inotify cannot be used, reverting to polling: Too many open files', expect: 'watcher-limit' },
      { text: "Error: ENOENT: no such file or directory, open '/home/me/app/files.json'", expect: 'file-not-found' },
    ]);
  });

  describe('native-build-failure', () => {
    positives('native-build-failure', [
      { text: 'gyp ERR! find Python \ngyp ERR! find Python Python is not set from command line or npm configuration\ngyp ERR! configure error \ngyp ERR! stack Error: Could not find any Python installation to use\nnpm ERR! code 1\nnpm ERR! command sh -c node-gyp rebuild', firstFix: 'Install the build tools the native code needs' },
      {
        text: "Error: The module '/home/me/api/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 108. This version of Node.js requires\nNODE_MODULE_VERSION 115. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).",
        captures: { nodepackage: 'bcrypt' },
        command: 'npm rebuild bcrypt',
      },
      { text: 'Error: /app/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node: invalid ELF header\n    at Object.Module._extensions..node (node:internal/modules/cjs/loader:1338:18)', captures: { nodepackage: 'bcrypt' } },
      { text: "      building 'psycopg2._psycopg' extension\n      error: command 'x86_64-linux-gnu-gcc' failed: No such file or directory\n      [end of output]\n\n  note: This error originates from a subprocess, and is likely not a problem with pip.\n  ERROR: Failed building wheel for psycopg2\nERROR: Could not build wheels for psycopg2, which is required to install pyproject.toml-based projects" },
      { text: '      error: Microsoft Visual C++ 14.0 or greater is required. Get it with "Microsoft C++ Build Tools": https://visualstudio.microsoft.com/visual-cpp-build-tools/\n      [end of output]\n  ERROR: Failed building wheel for hdbscan' },
      { text: '    src/lxml/includes/etree_defs.h:14:10: fatal error: Python.h: No such file or directory\n     #include "Python.h"\n              ^~~~~~~~~~\n    compilation terminated.', captures: { header: 'Python.h' }, firstFix: 'Install the development headers for Python.h' },
      { text: 'error: failed to run custom build command for `openssl-sys v0.9.102`\n\nCaused by:\n  process didn\'t exit successfully: `/home/me/app/target/debug/build/openssl-sys-2a/build-script-main` (exit status: 101)' },
      { text: 'ImportError: DLL load failed while importing _multiarray_umath: The specified module could not be found.' },
      { text: 'Traceback (most recent call last):\n  File "/app/main.py", line 1, in <module>\n    import cv2\nImportError: libGL.so.1: cannot open shared object file: No such file or directory', captures: { library: 'libGL.so.1' }, firstFix: 'Install the system library libGL.so.1' },
      { text: "Error: Could not locate the bindings file. Tried:\n → /home/me/app/node_modules/better-sqlite3/build/better_sqlite3.node\n → /home/me/app/node_modules/better-sqlite3/build/Debug/better_sqlite3.node" },
      { text: 'Error: Node Sass does not yet support your current environment: Linux 64-bit with Unsupported runtime (108)' },
      { text: 'ERROR: Failed to build gem native extension.\n\n    current directory: /usr/local/bundle/gems/nokogiri-1.15.4/ext/nokogiri' },
    ]);
    nearMisses('native-build-failure', [
      { text: "Error: Cannot find module 'bcrypt'\nRequire stack:\n- /home/me/api/auth.js", expect: 'node-module-not-found' },
      { text: 'Segmentation fault (core dumped)\nnpm ERR! code 139', expect: 'native-crash' },
      { text: 'prebuild-install warn install No prebuilt binaries found (target=20.0.0 runtime=node arch=x64 libc= platform=linux)\n\nadded 1 package in 12s', expect: 'unknown' },
    ]);
  });

  describe('lockfile-out-of-sync', () => {
    positives('lockfile-out-of-sync', [
      {
        text: 'npm ERR! code EUSAGE\nnpm ERR!\nnpm ERR! `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.\nnpm ERR!\nnpm ERR! Missing: zod@3.23.8 from lock file',
        firstFix: 'Update package-lock.json with npm install',
        command: 'npm install',
      },
      { text: 'npm ci can only install packages when your package.json and package-lock.json are in sync\nMissing: fsevents@ from lock file' },
      { text: 'yarn install v1.22.19\n[1/4] Resolving packages...\nerror Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.', command: 'yarn install' },
      { text: ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with <ROOT>/package.json', command: 'pnpm install --no-frozen-lockfile' },
      { text: '➤ YN0028: │ The lockfile would have been modified by this install, which is explicitly forbidden.\n➤ YN0000: └ Completed in 0s 226ms\n➤ YN0000: Failed with errors in 0s 231ms' },
      { text: 'pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock` to fix the lock file.', command: 'poetry lock' },
      { text: 'Installing dependencies from lock file\nWarning: poetry.lock is not consistent with pyproject.toml. You may be getting improper dependencies. Run `poetry lock [--no-update]` to fix it.' },
      { text: 'error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the lockfile, run `uv lock`.', command: 'uv lock' },
      { text: 'error: the lock file /home/me/app/Cargo.lock needs to be updated but --locked was passed to prevent this', command: 'cargo update --workspace' },
      { text: 'main.go:6:2: missing go.sum entry for module providing package github.com/gin-gonic/gin (imported by example.com/app); to add:\n\tgo get example.com/app' },
      { text: 'You are trying to install in deployment mode after changing\nyour Gemfile. Run `bundle install` elsewhere and add the\nupdated Gemfile.lock to version control.' },
      { text: 'bun install v1.1.8\nerror: lockfile had changes, but lockfile is frozen' },
    ]);
    nearMisses('lockfile-out-of-sync', [
      { text: 'Run pnpm install --frozen-lockfile\nLockfile is up to date, resolution step is skipped\nPackages: +512\nDone in 8.2s', expect: 'unknown' },
      { text: 'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree', expect: 'dependency-conflict' },
    ]);
  });

  describe('command-not-found', () => {
    positives('command-not-found', [
      { text: '~/monitoring $ docker-compose up -d\n-bash: docker-compose: command not found', captures: { command: 'docker-compose' }, firstFix: 'Use `docker compose` instead of `docker-compose` (docker-compose)' },
      { text: 'zsh: command not found: pnpm', captures: { command: 'pnpm' }, firstFix: 'Install pnpm or add it to PATH' },
      { text: '> web@0.1.0 dev\n> vite\n\nsh: 1: vite: not found', captures: { command: 'vite' }, command: 'npm install' },
      { text: "'npm' is not recognized as an internal or external command,\noperable program or batch file.", captures: { command: 'npm' } },
      { text: "yarn : The term 'yarn' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.", captures: { command: 'yarn' } },
      { text: "Error: spawn git ENOENT\n    at ChildProcess._handle.onexit (node:internal/child_process:284:19) {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'spawn git',\n  path: 'git'\n}", captures: { command: 'git' } },
      { text: "events.js:72\n        throw er; // Unhandled 'error' event\n              ^\nError: spawn ENOENT\n    at errnoException (child_process.js:980:11)" },
      { text: 'docker: Error response from daemon: failed to create task for container: OCI runtime create failed: runc create failed: unable to start container process: exec: "python": executable file not found in $PATH: unknown.', captures: { command: 'python' } },
      { text: "Traceback (most recent call last):\n  File \"convert.py\", line 9, in <module>\n    subprocess.run([\"ffmpeg\", \"-i\", src, dst], check=True)\n  File \"/usr/lib/python3.11/subprocess.py\", line 1901, in _execute_child\n    raise child_exception_type(errno_num, err_msg, err_filename)\nFileNotFoundError: [Errno 2] No such file or directory: 'ffmpeg'", captures: { command: 'ffmpeg' } },
      { text: 'java.io.IOException: Cannot run program "git": error=2, No such file or directory', captures: { command: 'git' } },
      { text: "'node' n’est pas reconnu en tant que commande interne\nou externe, un programme exécutable ou un fichier de commandes." },
      { text: "'node' 不是内部或外部命令，也不是可运行的程序\n或批处理文件。" },
      { text: '"node" no se reconoce como un comando interno o externo,\nprograma o archivo por lotes ejecutable.' },
      { text: "/usr/bin/env: 'python': No such file or directory", captures: { command: 'python' } },
      { text: "Command 'python' not found, did you mean:\n  command 'python3' from deb python3\n  command 'python' from deb python-is-python3" },
      { text: 'Python was not found; run without arguments to install from the Microsoft Store, or disable this shortcut from Settings > Manage App Execution Aliases.' },
    ]);
    nearMisses('command-not-found', [
      { text: 'npm ERR! Missing script: "start"\nnpm ERR!\nnpm ERR! Did you mean one of these?\nnpm ERR!     npm star # Mark your favorite packages', expect: 'unknown' },
      { text: "Error: ENOENT: no such file or directory, open '/home/me/app/.env'", expect: 'file-not-found' },
      { text: "Error: Cannot find module 'vite'\nRequire stack:\n- /home/me/web/vite.config.js", expect: 'node-module-not-found' },
      { text: 'Error: spawn EACCES\n    at ChildProcess.spawn (node:internal/child_process:420:11)', expect: 'permission-denied' },
    ]);
  });

  describe('missing-env-variable', () => {
    positives('missing-env-variable', [
      { text: 'Error: Missing required environment variable: DATABASE_URL\n    at requireEnv (/home/me/api/src/config.ts:8:11)', captures: { variable: 'DATABASE_URL' }, firstFix: 'Set DATABASE_URL' },
      { text: 'Error: secretOrPrivateKey must have a value\n    at module.exports [as sign] (/home/me/api/node_modules/jsonwebtoken/sign.js:107:20)', firstFix: 'Create .env from the example' },
      { text: "Traceback (most recent call last):\n  File \"/app/settings.py\", line 4, in <module>\n    DATABASE_URL = os.environ[\"DATABASE_URL\"]\n  File \"/usr/lib/python3.12/os.py\", line 714, in __getitem__\n    raise KeyError(key) from None\nKeyError: 'DATABASE_URL'", captures: { variable: 'DATABASE_URL' } },
      { text: 'error: Environment variable not found: DATABASE_URL.\n  -->  schema.prisma:10\n   | \n 9 |   provider = "postgresql"\n10 |   url      = env("DATABASE_URL")', captures: { variable: 'DATABASE_URL' } },
      { text: "OpenAIError: The OPENAI_API_KEY environment variable is missing or empty; either provide it, or instantiate the OpenAI client with an apiKey option, like new OpenAI({ apiKey: 'My API Key' }).", captures: { variable: 'OPENAI_API_KEY' } },
      { text: 'openai.OpenAIError: The api_key client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable', captures: { variable: 'OPENAI_API_KEY' } },
      { text: 'error while interpolating services.db.environment.POSTGRES_PASSWORD: required variable POSTGRES_PASSWORD is missing a value: set it in .env', captures: { variable: 'POSTGRES_PASSWORD' } },
      { text: "❌ Invalid environment variables: { NEXTAUTH_SECRET: [ 'Required' ] }" },
      { text: './deploy.sh: line 5: API_TOKEN: unbound variable', captures: { variable: 'API_TOKEN' } },
      { text: 'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".', captures: { variable: 'POSTGRES_PASSWORD' } },
      { text: 'panic: required key DATABASE_URL missing value\n\ngoroutine 1 [running]:', captures: { variable: 'DATABASE_URL' } },
    ]);
    nearMisses('missing-env-variable', [
      { text: "Traceback (most recent call last):\n  File \"app.py\", line 9, in <module>\n    print(row['name'])\nKeyError: 'name'", expect: 'unknown' },
      { text: "ERROR: JAVA_HOME is not set and no 'java' command could be found in your PATH.\n\nPlease set the JAVA_HOME variable in your environment to match the\nlocation of your Java installation.", expect: 'command-not-found' },
      { text: "TypeError: Cannot read properties of undefined (reading 'split')\n    at Object.<anonymous> (/home/me/app/config.js:3:40)", expect: 'undefined-property-access' },
    ]);
  });

  describe('python-externally-managed', () => {
    positives('python-externally-managed', [
      { text: 'error: externally-managed-environment\n\n× This environment is externally managed\n╰─> To install Python packages system-wide, try apt install\n    python3-xyz, where xyz is the package you are trying to\n    install.', command: 'python3 -m venv .venv', firstFix: 'Create a virtual environment for the project' },
      { text: 'error: externally-managed-environment\n\n× This environment is externally managed\n╰─> To install Python packages system-wide, try brew install\n    xyz, where xyz is the package you are trying to\n    install.' },
      { text: '$ pip3 install requests\nerror: externally-managed-environment' },
      { text: 'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\nhint: See PEP 668 for the detailed specification.\n× This environment is externally managed' },
    ]);
    it('does not recommend --break-system-packages as a command', async () => {
      const d = await diagnoseText('error: externally-managed-environment');
      assert.ok(d.fixes.every((f) => !(f.command ?? '').includes('--break-system-packages')));
    });
    nearMisses('python-externally-managed', [
      { text: "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/lib/python3/dist-packages/six.py'\nConsider using the `--user` option or check the permissions.", expect: 'permission-denied' },
      { text: "ModuleNotFoundError: No module named 'requests'", expect: 'python-module-not-found' },
    ]);
  });

  describe('docker-daemon-unavailable', () => {
    positives('docker-daemon-unavailable', [
      { text: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', firstFix: 'Start Docker' },
      {
        text: 'docker: permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Head "http://%2Fvar%2Frun%2Fdocker.sock/_ping": dial unix /var/run/docker.sock: connect: permission denied.\nSee \'docker run --help\'.',
        captures: { socket: 'unix:///var/run/docker.sock' },
        firstFix: 'Give your user access to unix:///var/run/docker.sock',
      },
      { text: 'Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json": dial unix /var/run/docker.sock: connect: permission denied' },
      { text: 'error during connect: Get "http://%2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine/v1.46/containers/json": open //./pipe/dockerDesktopLinuxEngine: The system cannot find the file specified.' },
      { text: 'error during connect: This error may indicate that the docker daemon is not running.: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/version": open //./pipe/docker_engine: The system cannot find the file specified.' },
      { text: 'Cannot connect to the Docker daemon at unix:///Users/me/.docker/run/docker.sock. Is the docker daemon running?' },
      { text: "docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))" },
      { text: 'java.lang.IllegalStateException: Could not find a valid Docker environment. Please see logs and check configuration' },
      { text: 'Error: connect ENOENT /var/run/docker.sock\n    at PipeConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)' },
      { text: "ERROR: Couldn't connect to Docker daemon at http+docker://localhost - is it running?\n\nIf it's at a non-standard location, specify the URL with the DOCKER_HOST environment variable." },
    ]);
    nearMisses('docker-daemon-unavailable', [
      { text: '$ docker build -t app .\nSending build context to Docker daemon  24.78MB\nStep 1/7 : FROM node:20\nfailed to register layer: Error processing tar file(exit status 1): write /usr/lib/x86_64-linux-gnu/libLLVM.so: no space left on device', expect: 'disk-full' },
      { text: 'Bind for 0.0.0.0:5432 failed: port is already allocated', expect: 'port-in-use' },
      { text: '-bash: docker: command not found', expect: 'command-not-found' },
    ]);
  });
});
