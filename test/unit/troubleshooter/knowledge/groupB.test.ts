import assert from 'node:assert/strict';
import type { Diagnosis } from '../../../../language-server/troubleshooter/types';
import { diagnoseText } from '../helpers';

/** Diagnoses `text` and checks its id, with the winning line and alternatives in the message when it fails. */
async function expectId(text: string, id: string): Promise<Diagnosis> {
  const d = await diagnoseText(text);
  assert.equal(d.id, id, `expected ${id}, got ${d.id} (line ${d.line}; alternatives ${JSON.stringify(d.alternatives)}) for:\n${text}`);
  return d;
}

/** A near miss: whatever it is, it is not `id`. */
async function expectNot(text: string, id: string): Promise<Diagnosis> {
  const d = await diagnoseText(text);
  assert.notEqual(d.id, id, `did not expect ${id} (line ${d.line}) for:\n${text}`);
  return d;
}

function firstFix(d: Diagnosis): { title: string; command?: string } {
  const fix = d.fixes[0];
  assert.ok(fix, `${d.id} offers no fix`);
  return fix;
}

describe('troubleshooter knowledge: group B', () => {
  describe('git-merge-conflict', () => {
    it('recognises content conflicts and captures the file', async () => {
      const d = await expectId('Auto-merging src/app.js\nCONFLICT (content): Merge conflict in src/app.js\nAutomatic merge failed; fix conflicts and then commit the result.', 'git-merge-conflict');
      assert.equal(d.captures.file, 'src/app.js');
      assert.equal(firstFix(d).title, 'Resolve the conflict in src/app.js');
    });

    it('recognises rebase, cherry-pick and stash conflicts', async () => {
      await expectId('Auto-merging README.md\nCONFLICT (content): Merge conflict in README.md\nerror: could not apply 4e1f2a9... Update docs\nhint: Resolve all conflicts manually, mark them as resolved with\nhint: "git add/rm <conflicted_files>", then run "git rebase --continue".', 'git-merge-conflict');
      await expectId('error: could not apply 1a2b3c4... fix typo\nhint: After resolving the conflicts, mark them with\nhint: "git add/rm <pathspec>", then run\nhint: "git cherry-pick --continue".', 'git-merge-conflict');
      await expectId('CONFLICT (modify/delete): lib/old.js deleted in HEAD and modified in feature. Version feature of lib/old.js left in tree.\nAutomatic merge failed; fix conflicts and then commit the result.', 'git-merge-conflict');
    });

    it('recognises unmerged paths that block the next command', async () => {
      await expectId("error: Pulling is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use 'git add/rm <file>'\nhint: as appropriate to mark resolution and make a commit.\nfatal: Exiting because of an unresolved conflict.", 'git-merge-conflict');
      await expectId("error: Committing is not possible because you have unmerged files.\nfatal: Exiting because of an unresolved conflict.", 'git-merge-conflict');
      await expectId('src/index.ts: needs merge\nerror: you need to resolve your current index first', 'git-merge-conflict');
    });

    it('offers to stash when local changes would be overwritten', async () => {
      const d = await expectId('error: Your local changes to the following files would be overwritten by merge:\n\tpackage.json\nPlease commit your changes or stash them before you merge.\nAborting', 'git-merge-conflict');
      assert.equal(firstFix(d).command, 'git stash push --include-untracked');
      await expectId('error: Your local changes to the following files would be overwritten by checkout:\n\tsrc/config.ts\nPlease commit your changes or stash them before you switch branches.\nAborting', 'git-merge-conflict');
    });

    it('never offers a destructive command', async () => {
      const d = await expectId('CONFLICT (content): Merge conflict in a.txt\nAutomatic merge failed; fix conflicts and then commit the result.', 'git-merge-conflict');
      for (const fix of d.fixes) assert.doesNotMatch(fix.command ?? '', /reset --hard|--abort|checkout -- |clean -f/);
    });

    it('leaves near misses alone', async () => {
      await expectNot('Auto-merging src/app.js\nMerge made by the \'ort\' strategy.\n src/app.js | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)', 'git-merge-conflict');
      await expectNot(' ! [rejected]        main -> main (non-fast-forward)\nerror: failed to push some refs to \'origin\'', 'git-merge-conflict');
      await expectId('Already up to date.', 'unknown');
    });
  });

  describe('git-auth-failure', () => {
    it('recognises the SSH publickey refusal and offers the connection test first', async () => {
      const d = await expectId("Cloning into 'shop'...\ngit@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.", 'git-auth-failure');
      assert.equal(d.captures.host, 'github.com');
      assert.equal(firstFix(d).command, 'ssh -T git@github.com');
    });

    it('recognises HTTPS credential failures', async () => {
      const d = await expectId("remote: Support for password authentication was removed on August 13, 2021.\nremote: Please see https://docs.github.com/en/get-started/getting-started-with-git/about-remote-repositories#cloning-with-https-urls for information on currently recommended modes of authentication.\nfatal: Authentication failed for 'https://github.com/acme/api.git/'", 'git-auth-failure');
      assert.match(firstFix(d).title, /token|credential/i);
      await expectId("fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'git-auth-failure');
      await expectId("remote: HTTP Basic: Access denied. The provided password or token is incorrect or your account has 2FA enabled and you must use a personal access token instead of a password.\nfatal: Authentication failed for 'https://gitlab.com/team/app.git/'", 'git-auth-failure');
      await expectId("remote: Invalid username or token. Password authentication is not supported for Git operations.\nfatal: Authentication failed for 'https://github.com/acme/api.git/'", 'git-auth-failure');
    });

    it('recognises a 403 on push and captures the account', async () => {
      const d = await expectId("remote: Permission to acme/website.git denied to jdoe.\nfatal: unable to access 'https://github.com/acme/website.git/': The requested URL returned error: 403", 'git-auth-failure');
      assert.equal(d.captures.user, 'jdoe');
      await expectId("fatal: unable to access 'https://dev.azure.com/org/proj/_git/repo/': The requested URL returned error: 401", 'git-auth-failure');
    });

    it('leaves near misses alone', async () => {
      await expectNot("Error: EACCES: permission denied, open '/home/me/.ssh/config'", 'git-auth-failure');
      await expectNot("fatal: unable to access 'https://github.com/acme/app.git/': Could not resolve host: github.com", 'git-auth-failure');
      await expectNot('ssh: connect to host github.com port 22: Connection timed out\nfatal: Could not read from remote repository.', 'git-auth-failure');
      await expectNot('psql: error: connection to server at "localhost" (127.0.0.1), port 5432 failed: FATAL:  password authentication failed for user "app"', 'git-auth-failure');
    });
  });

  describe('git-non-fast-forward', () => {
    it('recognises rejected pushes and offers pull --rebase first', async () => {
      const d = await expectId("To https://github.com/acme/api.git\n ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to 'https://github.com/acme/api.git'\nhint: Updates were rejected because the remote contains work that you do\nhint: not have locally.", 'git-non-fast-forward');
      assert.equal(firstFix(d).command, 'git pull --rebase');
      assert.equal(d.captures.branch, 'main');
      await expectId(" ! [rejected]        feature/login -> feature/login (non-fast-forward)\nerror: failed to push some refs to 'github.com:acme/web.git'\nhint: Updates were rejected because the tip of your current branch is behind\nhint: its remote counterpart.", 'git-non-fast-forward');
      await expectId("error: failed to push some refs to 'git@gitlab.com:team/app.git'\nhint: Updates were rejected because a pushed branch tip is behind its remote\nhint: counterpart.", 'git-non-fast-forward');
    });

    it('recognises a pull that cannot reconcile divergent branches', async () => {
      await expectId('hint: You have divergent branches and need to specify how to reconcile them.\nfatal: Need to specify how to reconcile divergent branches.', 'git-non-fast-forward');
      await expectId('fatal: Not possible to fast-forward, aborting.', 'git-non-fast-forward');
    });

    it('never offers a force push as a command', async () => {
      const d = await expectId(' ! [rejected]        main -> main (non-fast-forward)', 'git-non-fast-forward');
      for (const fix of d.fixes) assert.doesNotMatch(fix.command ?? '', /--force|-f\b/);
    });

    it('leaves other push failures alone', async () => {
      await expectNot(" ! [remote rejected] main -> main (pre-receive hook declined)\nerror: failed to push some refs to 'https://gitlab.com/team/app.git'", 'git-non-fast-forward');
      await expectNot("error: src refspec main does not match any\nerror: failed to push some refs to 'origin'", 'git-non-fast-forward');
      await expectId("remote: Permission to acme/api.git denied to jdoe.\nfatal: unable to access 'https://github.com/acme/api.git/': The requested URL returned error: 403", 'git-auth-failure');
    });
  });

  describe('typescript-type-error', () => {
    it('recognises tsc errors in its output formats and captures the file', async () => {
      const d = await expectId("src/index.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.", 'typescript-type-error');
      assert.equal(d.captures.file, 'src/index.ts');
      await expectId("src/api/client.ts:48:19 - error TS2345: Argument of type 'string | undefined' is not assignable to parameter of type 'string'.", 'typescript-type-error');
      await expectId("[tsl] ERROR in /app/server.ts(37,3)\n      TS2322: Type 'string' is not assignable to type 'number'.", 'typescript-type-error');
      await expectId("src/store.ts:21:5 - error TS18048: 'user' is possibly 'undefined'.", 'typescript-type-error');
      await expectId("src/utils.ts:3:20 - error TS7006: Parameter 'value' implicitly has an 'any' type.", 'typescript-type-error');
      await expectId("TSError: ⨯ Unable to compile TypeScript:\nsrc/index.ts:5:7 - error TS2322: Type 'number' is not assignable to type 'string'.", 'typescript-type-error');
    });

    it('recognises the messages without a code (vue-tsc, IDE copies)', async () => {
      await expectId("Property 'toJS' does not exist on type 'unknown'.", 'typescript-type-error');
      await expectId('No overload matches this call.\n  Overload 1 of 2, \'(props: ButtonProps): Element\', gave the following error.', 'typescript-type-error');
    });

    it('offers the @types package for a missing declaration file', async () => {
      const d = await expectId("src/server.ts(2,21): error TS7016: Could not find a declaration file for module 'express'. '/app/node_modules/express/index.js' implicitly has an 'any' type.\n  Try `npm i --save-dev @types/express` if it exists or add a new declaration (.d.ts) file containing `declare module 'express';`", 'typescript-type-error');
      assert.equal(firstFix(d).command, 'npm install --save-dev @types/express');
    });

    it('leaves TS2307 to node-module-not-found and parse errors to syntax-error', async () => {
      await expectId("src/index.ts(1,22): error TS2307: Cannot find module 'chalk' or its corresponding type declarations.", 'node-module-not-found');
      await expectId("src/app.ts(4,1): error TS1005: ';' expected.", 'syntax-error');
      await expectNot("TypeError: Cannot read properties of undefined (reading 'length')", 'typescript-type-error');
    });
  });

  describe('undefined-property-access', () => {
    it('recognises V8, Safari and Firefox wording and captures the property', async () => {
      const d = await expectId("TypeError: Cannot read properties of undefined (reading 'map')\n    at TodoList (webpack-internal:///./src/TodoList.jsx:12:23)", 'undefined-property-access');
      assert.equal(d.captures.property, 'map');
      assert.equal((await expectId("Uncaught TypeError: Cannot read property 'addEventListener' of null\n    at app.js:5:32", 'undefined-property-access')).captures.property, 'addEventListener');
      await expectId("TypeError: undefined is not an object (evaluating 'this.props.navigation.navigate')", 'undefined-property-access');
      await expectId('TypeError: can\'t access property "length", items is undefined', 'undefined-property-access');
      await expectId('TypeError: this.state.user is null', 'undefined-property-access');
      await expectId("TypeError: Cannot destructure property 'id' of 'req.params' as it is undefined.", 'undefined-property-access');
    });

    it('recognises the null dereferences that other runtimes name', async () => {
      await expectId('Traceback (most recent call last):\n  File "app.py", line 14, in <module>\n    print(match.group(1))\nAttributeError: \'NoneType\' object has no attribute \'group\'', 'undefined-property-access');
      await expectId("TypeError: 'NoneType' object is not subscriptable", 'undefined-property-access');
      await expectId('TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))', 'undefined-property-access');
      await expectId('Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null\n\tat com.acme.App.main(App.java:9)', 'undefined-property-access');
      await expectId('Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.\n   at Shop.Program.Main(String[] args) in /src/Program.cs:line 14', 'undefined-property-access');
      await expectId("undefined method `name' for nil:NilClass (NoMethodError)", 'undefined-property-access');
      await expectId('PHP Fatal error:  Uncaught Error: Call to a member function fetch() on null in /var/www/index.php:12', 'undefined-property-access');
    });

    it('takes a Go nil dereference over the SIGSEGV line after it', async () => {
      await expectId('panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:12 +0x1c', 'undefined-property-access');
    });

    it('leaves near misses alone', async () => {
      await expectId('TypeError: undefined is not a function', 'not-a-function');
      await expectId("TypeError: 'NoneType' object is not callable", 'not-a-function');
      await expectNot('ReferenceError: user is not defined\n    at render (/app/index.js:4:3)', 'undefined-property-access');
      await expectNot('SyntaxError: "undefined" is not valid JSON\n    at JSON.parse (<anonymous>)', 'undefined-property-access');
      await expectId("Warning: Invalid hook call. Hooks can only be called inside of the body of a function component.\nTypeError: Cannot read properties of null (reading 'useState')\n    at useState (react.development.js:1622:21)", 'react-hook-misuse');
    });
  });

  describe('not-a-function', () => {
    it('recognises JavaScript calls of non-functions and captures the callee', async () => {
      const d = await expectId('TypeError: data.map is not a function\n    at UserList (src/UserList.jsx:9:18)', 'not-a-function');
      assert.equal(d.captures.name, 'data.map');
      await expectId('TypeError: (0 , _utils.default) is not a function\n    at Object.<anonymous> (/app/dist/index.js:7:31)', 'not-a-function');
      await expectId('Uncaught TypeError: Vue is not a constructor\n    at main.js:4:1', 'not-a-function');
      await expectId("TypeError: this.setState is not a function. (In 'this.setState({ loading: true })', 'this.setState' is undefined)", 'not-a-function');
      await expectId("TypeError: Class constructor Model cannot be invoked without 'new'", 'not-a-function');
    });

    it('recognises Python and Lua calls of non-callables', async () => {
      const d = await expectId('Traceback (most recent call last):\n  File "main.py", line 3, in <module>\n    s = socket(AF_INET, SOCK_STREAM)\nTypeError: \'module\' object is not callable', 'not-a-function');
      assert.match(firstFix(d).title, /module/);
      await expectId("TypeError: 'str' object is not callable", 'not-a-function');
      await expectId("lua: main.lua:4: attempt to call a nil value (global 'prnt')", 'not-a-function');
    });

    it('leaves near misses alone', async () => {
      await expectNot("TypeError: Cannot read properties of undefined (reading 'call')", 'not-a-function');
      await expectNot('ReferenceError: fetch is not defined', 'not-a-function');
      await expectNot('TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))', 'not-a-function');
    });
  });

  describe('syntax-error', () => {
    it('recognises Python parse errors and captures file and line', async () => {
      const d = await expectId('  File "app.py", line 12\n    if user.is_admin\n                    ^\nSyntaxError: expected \':\'', 'syntax-error');
      assert.equal(d.captures.file, 'app.py');
      assert.equal(d.captures.line, '12');
      assert.equal(firstFix(d).title, 'Fix the syntax at app.py line 12');
      await expectId('File "DeepLung-master/prepare.py", line 443\n    savenpy(1)\nIndentationError: unexpected indent', 'syntax-error');
      await expectId('  File "x.py", line 3\n\tprint(1)\nTabError: inconsistent use of tabs and spaces in indentation', 'syntax-error');
    });

    it('recognises JavaScript parse errors from Node.js, browsers and build tools', async () => {
      const d = await expectId("/home/me/api/routes/users.js:27\n  });\n  ^\n\nSyntaxError: Unexpected token '}'\n    at internalCompileFunction (node:internal/vm:76:18)", 'syntax-error');
      assert.equal(d.captures.file, '/home/me/api/routes/users.js');
      await expectId("Uncaught SyntaxError: Unexpected token '<' (at main.js:1:1)", 'syntax-error');
      await expectId('SyntaxError: missing ) after argument list', 'syntax-error');
      await expectId("SyntaxError: expected expression, got '<'", 'syntax-error');
      await expectId('ERROR in ./src/App.js\nModule build failed (from ./node_modules/babel-loader/lib/index.js):\nSyntaxError: /app/src/App.js: Unexpected token, expected "," (14:8)', 'syntax-error');
      await expectId('✘ [ERROR] Expected ";" but found "count"\n\n    src/main.ts:3:6:', 'syntax-error');
      await expectId('ERROR in ./src/index.js 5:2\nModule parse failed: Unexpected token (5:2)\nYou may need an appropriate loader to handle this file type.', 'syntax-error');
    });

    it('recognises other languages\' parse errors', async () => {
      await expectId('./main.go:9:2: syntax error: unexpected }, expected expression', 'syntax-error');
      await expectId("PHP Parse error:  syntax error, unexpected '}' in /var/www/index.php on line 20", 'syntax-error');
      await expectId("./deploy.sh: line 14: syntax error near unexpected token `fi'", 'syntax-error');
      await expectId('Main.java:5: error: \';\' expected\n        System.out.println("hi")\n                                ^\n1 error', 'syntax-error');
    });

    it('leaves JSON, module-system and runtime-version errors to their own ids', async () => {
      await expectId('SyntaxError: Unexpected token < in JSON at position 0\n    at JSON.parse (<anonymous>)', 'json-parse-error');
      await expectId("undefined:1\nscript,src\n^\n\nSyntaxError: Unexpected token s in JSON at position 0\n    at JSON.parse (<anonymous>)", 'json-parse-error');
      await expectNot('SyntaxError: Cannot use import statement outside a module', 'syntax-error');
      await expectNot("/app/node_modules/lodash-es/lodash.js:10\nexport { default as add } from './add.js';\n^^^^^^\n\nSyntaxError: Unexpected token 'export'", 'syntax-error');
      await expectNot("  File \"hello.py\", line 1\n    print \"hello\"\n    ^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?", 'syntax-error');
    });
  });

  describe('json-parse-error', () => {
    it('recognises JSON parser messages of browsers and Node.js', async () => {
      const d = await expectId('Uncaught (in promise) SyntaxError: Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON', 'json-parse-error');
      assert.equal(d.captures.html, '<');
      assert.match(firstFix(d).title, /HTML/);
      await expectId('SyntaxError: JSON.parse: unexpected character at line 1 column 1 of the JSON data', 'json-parse-error');
      await expectId("SyntaxError: JSON Parse error: Unrecognized token '<'", 'json-parse-error');
      await expectId("SyntaxError: Failed to execute 'json' on 'Response': Unexpected end of JSON input", 'json-parse-error');
      await expectId('SyntaxError: Unexpected token u\n    at Object.parse (native)\n    at IncomingMessage.<anonymous> (/app/index.js:12:21)', 'json-parse-error');
    });

    it('recognises other languages\' JSON decoders', async () => {
      await expectId('Traceback (most recent call last):\n  File "client.py", line 9, in <module>\n    data = r.json()\nrequests.exceptions.JSONDecodeError: Expecting value: line 1 column 1 (char 0)', 'json-parse-error');
      await expectId("panic: invalid character '<' looking for beginning of value", 'json-parse-error');
      await expectId("com.fasterxml.jackson.core.JsonParseException: Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", 'json-parse-error');
      await expectId("System.Text.Json.JsonException: '<' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.", 'json-parse-error');
      await expectId('com.google.gson.JsonSyntaxException: java.lang.IllegalStateException: Expected BEGIN_OBJECT but was STRING at line 1 column 1 path $', 'json-parse-error');
    });

    it('captures the broken JSON file npm names', async () => {
      const d = await expectId('npm ERR! code EJSONPARSE\nnpm ERR! path /home/me/app/package.json\nnpm ERR! JSON.parse Unexpected token } in JSON at position 412 while parsing near \'...\'\nnpm ERR! JSON.parse Failed to parse JSON data.', 'json-parse-error');
      assert.equal(d.captures.file, '/home/me/app/package.json');
    });

    it('leaves near misses alone', async () => {
      await expectNot("SyntaxError: Unexpected token '}'\n    at wrapSafe (node:internal/modules/cjs/loader:1281:20)", 'json-parse-error');
      await expectNot("TypeError: Cannot read properties of undefined (reading 'json')", 'json-parse-error');
    });
  });

  describe('cors-blocked', () => {
    it('recognises Chrome, Firefox and Safari wording and captures the origin', async () => {
      const d = await expectId("Access to fetch at 'http://localhost:3000/api/users' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.", 'cors-blocked');
      assert.equal(d.captures.origin, 'http://localhost:5173');
      assert.equal(firstFix(d).title, 'Allow http://localhost:5173 on the server');
      await expectId('Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/items. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.', 'cors-blocked');
      await expectId('[Error] Origin http://localhost:8080 is not allowed by Access-Control-Allow-Origin. Status code: 200\n[Error] Fetch API cannot load https://api.example.com/items due to access control checks.', 'cors-blocked');
      await expectId('Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://localhost:8080/graphql. (Reason: CORS request did not succeed). Status code: (null).', 'cors-blocked');
    });

    it('recognises preflight and header refusals', async () => {
      await expectId("Access to XMLHttpRequest at 'https://api.example.com/login' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.", 'cors-blocked');
      await expectId("Access to fetch at 'https://api.example.com/me' from origin 'http://localhost:4200' has been blocked by CORS policy: Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.", 'cors-blocked');
    });

    it('leaves plain network failures alone', async () => {
      await expectNot('TypeError: Failed to fetch\n    at loadUsers (app.js:12:9)', 'cors-blocked');
      await expectNot('GET http://localhost:3000/api/users net::ERR_CONNECTION_REFUSED', 'cors-blocked');
    });
  });

  describe('tls-certificate-error', () => {
    it('recognises Node.js and npm certificate codes', async () => {
      await expectId("Error: unable to verify the first certificate\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34) {\n  code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'\n}", 'tls-certificate-error');
      await expectId('npm ERR! code SELF_SIGNED_CERT_IN_CHAIN\nnpm ERR! errno SELF_SIGNED_CERT_IN_CHAIN\nnpm ERR! request to https://registry.npmjs.org/react failed, reason: self signed certificate in certificate chain', 'tls-certificate-error');
      await expectId("Error: certificate has expired\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1530:34) {\n  code: 'CERT_HAS_EXPIRED'\n}", 'tls-certificate-error');
      await expectId("Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: api.local. is not in the cert's altnames: DNS:example.com", 'tls-certificate-error');
    });

    it('recognises Python, git, Go, Java, .NET, curl and browsers, and captures the host', async () => {
      const d = await expectId("requests.exceptions.SSLError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded with url: /v1/items (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))", 'tls-certificate-error');
      assert.equal(d.captures.host, 'api.example.com');
      assert.equal(firstFix(d).command, 'curl -vI https://api.example.com');
      assert.equal((await expectId("fatal: unable to access 'https://git.example.com/team/app.git/': SSL certificate problem: self-signed certificate in certificate chain", 'tls-certificate-error')).captures.host, 'git.example.com');
      await expectId('Error response from daemon: Get "https://registry.example.com/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority', 'tls-certificate-error');
      await expectId('javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target', 'tls-certificate-error');
      await expectId('System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\n ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot', 'tls-certificate-error');
      await expectId('curl: (60) SSL certificate problem: certificate has expired', 'tls-certificate-error');
      await expectId('Failed to load resource: net::ERR_CERT_AUTHORITY_INVALID', 'tls-certificate-error');
    });

    it('leaves TLS failures that are not about the certificate alone', async () => {
      await expectNot('Error: write EPROTO 140:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:332:', 'tls-certificate-error');
      await expectNot('curl: (35) error:0A000410:SSL routines::sslv3 alert handshake failure', 'tls-certificate-error');
      await expectNot("(node:1234) Warning: Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' makes TLS connections and HTTPS requests insecure by disabling certificate verification.", 'tls-certificate-error');
    });
  });

  describe('network-timeout', () => {
    it('recognises Node.js and npm timeouts and captures the address', async () => {
      const d = await expectId('npm ERR! code ETIMEDOUT\nnpm ERR! syscall connect\nnpm ERR! errno ETIMEDOUT\nnpm ERR! network request to https://registry.npmjs.org/express failed, reason: connect ETIMEDOUT 104.16.22.35:443', 'network-timeout');
      assert.ok(d.fixes.length > 0);
      const e = await expectId('Error: connect ETIMEDOUT 10.0.0.5:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)', 'network-timeout');
      assert.equal(e.captures.host, '10.0.0.5');
      assert.equal(e.captures.port, '5432');
      await expectId('AxiosError: timeout of 10000ms exceeded', 'network-timeout');
      await expectId("TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13 {\n  [cause]: ConnectTimeoutError: Connect Timeout Error (attempted address: api.example.com:443, timeout: 10000ms)\n      at onConnectTimeout (node:internal/deps/undici/undici:2602:28) {\n    code: 'UND_ERR_CONNECT_TIMEOUT'\n  }\n}", 'network-timeout');
      await expectId('FetchError: network timeout at: https://api.example.com/v1/items', 'network-timeout');
    });

    it('recognises other runtimes and tools', async () => {
      await expectId("requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.example.com', port=443): Read timed out. (read timeout=10)", 'network-timeout');
      await expectId('ssh: connect to host github.com port 22: Connection timed out\nfatal: Could not read from remote repository.', 'network-timeout');
      await expectId('Get "https://registry-1.docker.io/v2/": dial tcp 54.236.113.205:443: i/o timeout', 'network-timeout');
      await expectId('java.net.SocketTimeoutException: Connect timed out', 'network-timeout');
      await expectId('curl: (28) Failed to connect to example.com port 443 after 129318 ms: Connection timed out', 'network-timeout');
      await expectId('System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.', 'network-timeout');
    });

    it('leaves test timeouts and DNS failures alone', async () => {
      await expectNot('Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves.', 'network-timeout');
      await expectNot('thrown: "Exceeded timeout of 5000 ms for a test.\nAdd a timeout value to this test to increase the timeout, if this is a long-running test."', 'network-timeout');
      await expectId('Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: read udp 127.0.0.1:40312->127.0.0.53:53: i/o timeout', 'dns-resolution-failure');
      await expectNot('Error: connect ECONNREFUSED 127.0.0.1:5432', 'network-timeout');
    });
  });

  describe('dns-resolution-failure', () => {
    it('recognises Node.js codes and offers nslookup for the captured host', async () => {
      const d = await expectId("Error: getaddrinfo ENOTFOUND api.exmaple.com\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26) {\n  errno: -3008,\n  code: 'ENOTFOUND',\n  syscall: 'getaddrinfo',\n  hostname: 'api.exmaple.com'\n}", 'dns-resolution-failure');
      assert.equal(d.captures.host, 'api.exmaple.com');
      assert.equal(firstFix(d).command, 'nslookup api.exmaple.com');
      await expectId('npm ERR! code EAI_AGAIN\nnpm ERR! syscall getaddrinfo\nnpm ERR! errno EAI_AGAIN\nnpm ERR! request to https://registry.npmjs.org/lodash failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org', 'dns-resolution-failure');
      await expectId('MongoServerSelectionError: querySrv ENOTFOUND _mongodb._tcp.cluster0.abcde.mongodb.net', 'dns-resolution-failure');
    });

    it('recognises resolver messages of other platforms and tools', async () => {
      await expectId("fatal: unable to access 'https://github.com/acme/app.git/': Could not resolve host: github.com", 'dns-resolution-failure');
      await expectId('ssh: Could not resolve hostname gitlab.internal: Name or service not known\nfatal: Could not read from remote repository.', 'dns-resolution-failure');
      assert.equal((await expectId('psql: error: could not translate host name "db" to address: Name or service not known', 'dns-resolution-failure')).captures.host, 'db');
      await expectId("socket.gaierror: [Errno -3] Temporary failure in name resolution", 'dns-resolution-failure');
      await expectId('urllib.error.URLError: <urlopen error [Errno 8] nodename nor servname provided, or not known>', 'dns-resolution-failure');
      await expectId('java.net.UnknownHostException: api.example.com', 'dns-resolution-failure');
      await expectId('org.springframework.web.client.ResourceAccessException: I/O error on GET request for "https://api.internal/v1": api.internal\nCaused by: java.net.UnknownHostException: api.internal', 'dns-resolution-failure');
      await expectId('System.Net.Http.HttpRequestException: No such host is known. (api.example.com:443)', 'dns-resolution-failure');
      await expectId('dial tcp: lookup postgres on 127.0.0.11:53: no such host', 'dns-resolution-failure');
      await expectId("Err:1 http://archive.ubuntu.com/ubuntu jammy InRelease\n  Temporary failure resolving 'archive.ubuntu.com'", 'dns-resolution-failure');
    });

    it('leaves near misses alone', async () => {
      await expectNot('Error: connect ECONNREFUSED 127.0.0.1:6379', 'dns-resolution-failure');
      await expectNot("Error: ENOENT: no such file or directory, open '/app/config.json'", 'dns-resolution-failure');
      await expectNot('Error: connect ETIMEDOUT 151.101.1.69:443', 'dns-resolution-failure');
    });
  });

  describe('db-auth-failure', () => {
    it('recognises PostgreSQL and MySQL refusals and captures the user', async () => {
      const d = await expectId('psql: error: connection to server at "localhost" (127.0.0.1), port 5432 failed: FATAL:  password authentication failed for user "postgres"', 'db-auth-failure');
      assert.equal(d.captures.user, 'postgres');
      assert.match(firstFix(d).title, /postgres/);
      const m = await expectId("Error: ER_ACCESS_DENIED_ERROR: Access denied for user 'root'@'172.18.0.1' (using password: YES)", 'db-auth-failure');
      assert.equal(m.captures.user, 'root');
      await expectId("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)", 'db-auth-failure');
      await expectId('sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) FATAL:  Peer authentication failed for user "app"', 'db-auth-failure');
      await expectId('Error: Client does not support authentication protocol requested by server; consider upgrading MySQL client', 'db-auth-failure');
    });

    it('recognises MongoDB, Redis, SQL Server and Prisma refusals', async () => {
      await expectId("MongoServerError: bad auth : Authentication failed.\n    at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:202:30)", 'db-auth-failure');
      await expectId("MongoServerError: Authentication failed.\n    at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:205:26) {\n  ok: 0,\n  code: 18,\n  codeName: 'AuthenticationFailed'\n}", 'db-auth-failure');
      await expectId('ReplyError: NOAUTH Authentication required.', 'db-auth-failure');
      await expectId('ReplyError: WRONGPASS invalid username-password pair or user is disabled.', 'db-auth-failure');
      await expectId("Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'sa'.", 'db-auth-failure');
      await expectId('Error: P1000: Authentication failed against database server at `localhost`, the provided database credentials for `app` are not valid.', 'db-auth-failure');
    });

    it('recognises refused privileges and a cause named by a Java "Caused by"', async () => {
      await expectId('psycopg2.errors.InsufficientPrivilege: permission denied for schema public\nLINE 1: CREATE TABLE "django_migrations"', 'db-auth-failure');
      await expectId("ERROR 1142 (42000): SELECT command denied to user 'app'@'localhost' for table 'users'", 'db-auth-failure');
      await expectId('org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'dataSource\'\nCaused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "app"', 'db-auth-failure');
    });

    it('leaves near misses alone', async () => {
      await expectId("fatal: Authentication failed for 'https://github.com/acme/api.git/'", 'git-auth-failure');
      await expectNot('psql: error: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?', 'db-auth-failure');
      await expectId('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "shop" does not exist', 'db-missing-object');
    });
  });

  describe('db-missing-object', () => {
    it('recognises PostgreSQL missing relations, columns and databases with their names', async () => {
      const d = await expectId('db_1 | 2022-06-29 20:09:39.436 UTC [97] ERROR:  relation "user" does not exist at character 225', 'db-missing-object');
      assert.equal(d.captures.table, 'user');
      const db = await expectId('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "myapp" does not exist', 'db-missing-object');
      assert.equal(firstFix(db).command, 'createdb myapp');
      assert.equal((await expectId('django.db.utils.ProgrammingError: column accounts_profile.avatar does not exist', 'db-missing-object')).captures.column, 'avatar');
      await expectId('ActiveRecord::StatementInvalid: PG::UndefinedTable: ERROR:  relation "users" does not exist', 'db-missing-object');
    });

    it('recognises MySQL, SQLite, SQL Server, Oracle and Prisma', async () => {
      await expectId("Error: ER_NO_SUCH_TABLE: Table 'shop.orders' doesn't exist", 'db-missing-object');
      await expectId("ERROR 1049 (42000): Unknown database 'inventory'", 'db-missing-object');
      await expectId("Error: ER_BAD_FIELD_ERROR: Unknown column 'createdAt' in 'field list'", 'db-missing-object');
      assert.equal((await expectId('sqlite3.OperationalError: no such table: passwords', 'db-missing-object')).captures.table, 'passwords');
      await expectId('SQLITE_ERROR: no such column: email', 'db-missing-object');
      await expectId("Microsoft.Data.SqlClient.SqlException (0x80131904): Invalid object name 'dbo.Customers'.", 'db-missing-object');
      await expectId('Cannot open database "Shop" requested by the login. The login failed.\nLogin failed for user \'app\'.', 'db-missing-object');
      await expectId('java.sql.SQLSyntaxErrorException: ORA-00942: table or view does not exist', 'db-missing-object');
      await expectId('Invalid `prisma.user.findMany()` invocation:\n\nThe table `public.User` does not exist in the current database.', 'db-missing-object');
      await expectId("SQLSTATE[42S02]: Base table or view not found: 1146 Table 'laravel.sessions' doesn't exist (SQL: select * from `sessions` where `id` = abc limit 1)", 'db-missing-object');
    });

    it('does not offer createdb for another engine', async () => {
      const d = await expectId("ERROR 1049 (42000): Unknown database 'inventory'", 'db-missing-object');
      for (const fix of d.fixes) assert.notEqual(fix.command?.startsWith('createdb'), true);
    });

    it('leaves near misses alone', async () => {
      await expectId('FATAL:  role "root" does not exist', 'db-auth-failure');
      await expectNot("Error: ENOENT: no such file or directory, open '/app/db.sqlite'", 'db-missing-object');
      await expectNot('ERROR:  syntax error at or near "FORM"\nLINE 1: SELECT * FORM users;', 'db-missing-object');
    });
  });

  describe('stack-overflow', () => {
    it('recognises runaway recursion in each runtime', async () => {
      await expectId('RangeError: Maximum call stack size exceeded\n    at Object.get value [as value] (/app/src/model.js:14:17)\n    at Object.get value [as value] (/app/src/model.js:14:17)', 'stack-overflow');
      await expectId('InternalError: too much recursion', 'stack-overflow');
      await expectId('Traceback (most recent call last):\n  File "tree.py", line 9, in walk\n    return walk(node.parent)\n  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded', 'stack-overflow');
      await expectId('Exception in thread "main" java.lang.StackOverflowError\n\tat com.acme.Node.hashCode(Node.java:31)', 'stack-overflow');
      await expectId("\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\nAborted (core dumped)", 'stack-overflow');
      await expectId('runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow', 'stack-overflow');
      await expectId('Stack overflow.\n   at Shop.Models.Order.get_Total()', 'stack-overflow');
      await expectId('app.rb:3:in `fact\': stack level too deep (SystemStackError)', 'stack-overflow');
      await expectId('Process finished with exit code -1073741571 (0xC00000FD)', 'stack-overflow');
    });

    it('leaves near misses alone', async () => {
      await expectNot('See https://stackoverflow.com/questions/12345 for details.\nBuild finished.', 'stack-overflow');
      await expectNot('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', 'stack-overflow');
      await expectNot('Error: Too many re-renders. React limits the number of renders to prevent an infinite loop.', 'stack-overflow');
    });
  });

  describe('react-hook-misuse', () => {
    it('recognises invalid hook calls and offers the duplicate-React check first', async () => {
      const d = await expectId('Uncaught Error: Invalid hook call. Hooks can only be called inside of the body of a function component. This could happen for one of the following reasons:\n1. You might have mismatching versions of React and the renderer (such as React DOM)', 'react-hook-misuse');
      assert.equal(firstFix(d).command, 'npm ls react react-dom');
      await expectId('Uncaught Error: Minified React error #321; visit https://reactjs.org/docs/error-decoder.html?invariant=321 for the full message', 'react-hook-misuse');
    });

    it('recognises render loops and hook order changes', async () => {
      const d = await expectId('  ERROR  Too many re-renders. React limits the number of renders to prevent an\n        infinite loop.', 'react-hook-misuse');
      assert.match(firstFix(d).title, /Too many re-renders/);
      await expectId('Error: Rendered more hooks than during the previous render.', 'react-hook-misuse');
      await expectId('Error: Rendered fewer hooks than expected. This may be caused by an accidental early return statement.', 'react-hook-misuse');
      await expectId('Warning: Maximum update depth exceeded. This can happen when a component calls setState inside useEffect, but useEffect either doesn\'t have a dependency array, or one of the dependencies changes on every render.', 'react-hook-misuse');
    });

    it('recognises eslint rules-of-hooks reports and captures the hook', async () => {
      const d = await expectId('src/components/Profile.tsx\n  24:9  error  React Hook "useEffect" is called conditionally. React Hooks must be called in the exact same order in every component render  react-hooks/rules-of-hooks', 'react-hook-misuse');
      assert.equal(d.captures.hook, 'useEffect');
      assert.equal(firstFix(d).title, 'Call useEffect at the top level of the component');
      await expectId('React Hook "useState" cannot be called inside a callback. React Hooks must be called in a React function component or a custom React Hook function.', 'react-hook-misuse');
    });

    it('leaves near misses alone', async () => {
      await expectNot("TypeError: Cannot read properties of undefined (reading 'useState')\n    at App (App.js:4:22)", 'react-hook-misuse');
      await expectNot('Error: Objects are not valid as a React child (found: object with keys {id, name}).', 'react-hook-misuse');
      await expectId('RangeError: Maximum call stack size exceeded', 'stack-overflow');
    });
  });

  describe('native-crash', () => {
    it('recognises signals, core dumps and exit codes', async () => {
      await expectId('$ python train.py\nSegmentation fault (core dumped)', 'native-crash');
      await expectId('2023-05-01 10:22:03.118 I tensorflow/core/platform/cpu_feature_guard.cc:193]\nIllegal instruction (core dumped)', 'native-crash');
      await expectId('Fatal Python error: Segmentation fault\n\nCurrent thread 0x00007f8b2c3f1740 (most recent call first):\n  File "/usr/lib/python3/dist-packages/cv2/__init__.py", line 181 in bootstrap', 'native-crash');
      await expectId('#\n# A fatal error has been detected by the Java Runtime Environment:\n#\n#  SIGSEGV (0xb) at pc=0x00007f3b5c0a1e2d, pid=4242, tid=4243\n#', 'native-crash');
      await expectId('Process finished with exit code -1073741819 (0xC0000005)', 'native-crash');
      await expectId('app_api_1 exited with code 139', 'native-crash');
      await expectId('Exception Type:  EXC_BAD_ACCESS (SIGSEGV)\nException Codes: KERN_INVALID_ADDRESS at 0x0000000000000010', 'native-crash');
    });

    it('offers npm rebuild for a crash in a Node.js process', async () => {
      const d = await expectId('error Command failed with signal "SIGSEGV".\ninfo Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.', 'native-crash');
      assert.equal(firstFix(d).command, 'npm rebuild');
      const p = await expectId('$ python train.py\nSegmentation fault (core dumped)', 'native-crash');
      assert.ok(p.fixes.every((f) => f.command !== 'npm rebuild'));
    });

    it('leaves named null dereferences, stack overflows and OOM kills to their ids', async () => {
      await expectId('panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]', 'undefined-property-access');
      await expectId('Process finished with exit code -1073741571 (0xC00000FD)', 'stack-overflow');
      await expectNot('container web exited with code 137 (OOMKilled)', 'native-crash');
      await expectNot('Process finished with exit code 0', 'native-crash');
    });
  });
});
