import assert from 'node:assert/strict';
import { applyFix, ruleIds, scan } from './scan';

const LODASH4 = { dependencyVersions: { lodash: '^4.17.21' } };

describe('performance/heavy-import', () => {
  it('flags lodash imported whole for one or two functions, in every import form', () => {
    const cases = [
      "import _ from 'lodash';\nexport const f = _.debounce(g, 10);",
      "import * as _ from 'lodash';\nexport const f = _.debounce(_.throttle(g, 5), 10);",
      "import { debounce } from 'lodash';\nexport const f = debounce(g, 10);",
      "const _ = require('lodash');\nmodule.exports = _.uniq(xs);",
      "const { debounce, throttle } = require('lodash');\nexport const f = debounce(throttle(g, 5), 10);",
    ];
    for (const code of cases) assert.deepEqual(ruleIds(code), ['performance/heavy-import'], code);
    assert.match(scan(cases[1] ?? '')[0]?.message ?? '', /All of lodash is loaded for debounce and throttle/);
  });

  it('leaves lodash alone when more is used, when it is chained, passed or called, and for per-function imports', () => {
    const cases = [
      "import _ from 'lodash';\n_.a(1); _.b(2); _.c(3);",
      "import _ from 'lodash';\n_.chain(xs).map(f).value();",
      "import _ from 'lodash';\nuse(_);",
      "import _ from 'lodash';\n_(xs).map(f);",
      "import debounce from 'lodash/debounce';\ndebounce(f);",
      "import { debounce } from 'lodash-es';\ndebounce(f);",
      "import type { DebouncedFunc } from 'lodash';\nlet x: DebouncedFunc<() => void>;",
    ];
    for (const code of cases) assert.deepEqual(ruleIds(code), [], code);
  });

  it('flags moment, aws-sdk and namespace imports of icon packages', () => {
    assert.deepEqual(ruleIds("import moment from 'moment';\nmoment().format();"), ['performance/heavy-import']);
    assert.deepEqual(ruleIds("const AWS = require('aws-sdk');\nnew AWS.S3();"), ['performance/heavy-import']);
    assert.deepEqual(ruleIds("import * as Icons from '@mui/icons-material';\nuse(Icons.Add);"), ['performance/heavy-import']);
    assert.deepEqual(ruleIds("import Add from '@mui/icons-material/Add';\nuse(Add);"), []);
    assert.deepEqual(ruleIds("import { S3Client } from '@aws-sdk/client-s3';\nnew S3Client();"), []);
  });

  it('offers a fix for a whole-lodash require in lodash 4 that keeps behaviour', () => {
    const code = "const _ = require('lodash');\nconst a = _.debounce(f, 10);\nconst b = _.debounce(g, 20) || _.uniq(xs);\n";
    const [finding] = scan(code, '/p/a.js', LODASH4);
    assert.ok(finding?.fix, 'a fix');
    assert.equal(applyFix(code, finding.fix), "const debounce = require('lodash/debounce');\nconst uniq = require('lodash/uniq');\nconst a = debounce(f, 10);\nconst b = debounce(g, 20) || uniq(xs);\n");
  });

  it('offers a fix for a destructured lodash require, keeping quotes and the semicolon habit', () => {
    const code = 'const { debounce: db } = require("lodash")\ndb(f)\n';
    const [finding] = scan(code, '/p/a.js', LODASH4);
    assert.ok(finding?.fix);
    assert.equal(applyFix(code, finding.fix), 'const db = require("lodash/debounce")\ndb(f)\n');
  });

  it('offers no fix where the rewrite is not certain to be safe', () => {
    const noFix = (code: string, options: object = LODASH4): void => {
      const [finding] = scan(code, '/p/a.js', options);
      assert.equal(finding?.ruleId, 'performance/heavy-import', code);
      assert.equal(finding?.fix, undefined, code);
    };
    noFix("import _ from 'lodash';\n_.debounce(f);");
    noFix("const _ = require('lodash');\n_.debounce(f);", {});
    noFix("const _ = require('lodash');\n_.debounce(f);", { dependencyVersions: { lodash: '^3.10.1' } });
    noFix("const _ = require('lodash');\nconst debounce = 1;\n_.debounce(f);");
    noFix("const _ = require('lodash'), fs = require('fs');\n_.debounce(f);");
    noFix("const _ = require('lodash');\n_.notAFunction(f);");
  });
});
