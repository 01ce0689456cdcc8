import assert from 'node:assert/strict';
import { join } from 'node:path';
import { firstUserFrame, parseFrames } from '../../../../language-server/troubleshooter/frames/parseFrames';
import { build, crash, hasTool, makeTempDir, needs, removeDir, writeFiles } from './realRun';

const MAIN = `package main

import "fmt"

func divide(a, b int) int {
	return a / b
}

func main() {
	fmt.Println(divide(1, 0))
}
`;

describe('Go frames', () => {
  let dir: string | undefined;
  afterEach(() => removeDir(dir));

  it(`reads a real goroutine trace from a runtime panic ${needs('go')}`, function () {
    if (!hasTool('go')) this.skip();
    dir = makeTempDir('go');
    writeFiles(dir, { 'go.mod': 'module example.com/calc\n\ngo 1.21\n', 'main.go': MAIN });
    build('go', ['build', '-o', 'calc', '.'], dir);
    const frames = parseFrames(crash('./calc', [], dir));
    const user = firstUserFrame(frames);
    assert.deepEqual(user && [user.file, user.line, user.function], [join(dir, 'main.go'), 6, 'main.divide']);
    assert.ok(frames.every((frame) => frame.runtime === 'go'));
  });
});

// Go is not installed here, so these follow the format the Go runtime prints (runtime/traceback.go) as seen
// in public issue threads: the call on one line, the tab-indented file:line (+pc offset) on the next.
describe('Go frames (hand-written from the runtime traceback format)', () => {
  const TRACE = [
    'panic: runtime error: invalid memory address or nil pointer dereference',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6b1a2c]',
    '',
    'goroutine 34 [running]:',
    'panic({0x6d8e40?, 0x9a3f50?})',
    '\t/usr/local/go/src/runtime/panic.go:770 +0x132',
    'github.com/lib/pq.(*conn).query(0x0, {0x74a1b2, 0x1c}, {0x0, 0x0, 0x0})',
    '\t/home/dev/go/pkg/mod/github.com/lib/pq@v1.10.9/conn.go:870 +0x2a',
    'example.com/shop/internal/orders.(*Repo).List(...)',
    '\t/home/dev/shop/internal/orders/repo.go:42',
    'example.com/shop/internal/http.(*Server).orders(0xc000012345, {0x7f4a20, 0xc0001a2000}, 0xc0001b6000)',
    '\t/home/dev/shop/internal/http/orders.go:17 +0x8d',
    'net/http.HandlerFunc.ServeHTTP(0xc0000a4000?, {0x7f4a20?, 0xc0001a2000?}, 0xc0001b6000?)',
    '\t/usr/local/go/src/net/http/server.go:2166 +0x29',
    'created by net/http.(*Server).Serve in goroutine 1',
    '\t/usr/local/go/src/net/http/server.go:3285 +0x4b4',
    'exit status 2',
  ].join('\n');

  it('takes the function from the line above each location', () => {
    const frames = parseFrames(TRACE);
    assert.deepEqual(frames.map((frame) => [frame.function, frame.line, frame.userCode]), [
      ['panic', 770, false],
      ['github.com/lib/pq.(*conn).query', 870, false],
      ['example.com/shop/internal/orders.(*Repo).List', 42, true],
      ['example.com/shop/internal/http.(*Server).orders', 17, true],
      ['net/http.HandlerFunc.ServeHTTP', 2166, false],
      ['net/http.(*Server).Serve', 3285, false],
    ]);
    assert.ok(frames.every((frame) => frame.runtime === 'go' && frame.column === null));
    assert.equal(firstUserFrame(frames)?.file, '/home/dev/shop/internal/orders/repo.go');
  });

  it('reads traces behind a docker compose prefix and keeps vendor/ and runtime.* out of user code', () => {
    const frames = parseFrames([
      'api_1  | runtime.throw({0x4c3a2e?, 0x0?})',
      'api_1  | \t/usr/lib/go-1.22/src/runtime/panic.go:1023 +0x5c',
      'api_1  | example.com/api/vendor/github.com/x/y.Do()',
      'api_1  | \t/src/api/vendor/github.com/x/y/y.go:9 +0x10',
      'api_1  | main.main()',
      'api_1  | \t/src/api/main.go:12 +0x1d',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => [frame.function, frame.userCode]), [
      ['runtime.throw', false],
      ['example.com/api/vendor/github.com/x/y.Do', false],
      ['main.main', true],
    ]);
  });

  it('does not mistake `go test` failure lines for frames', () => {
    assert.deepEqual(parseFrames('    calc_test.go:12: got 2, want 3\n\tcalc_test.go:14: expected error\n--- FAIL: TestDivide (0.00s)'), []);
  });
});
