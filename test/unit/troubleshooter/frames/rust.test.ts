import assert from 'node:assert/strict';
import { firstUserFrame, parseFrames } from '../../../../language-server/troubleshooter/frames/parseFrames';
import { build, crash, hasTool, makeTempDir, needs, removeDir, writeFiles } from './realRun';

// A dependency placed where cargo unpacks crates, so its frames carry a real .cargo/registry path.
const REGISTRY_CRATE = '.cargo/registry/src/index.crates.io-6f17d22bba15001f/pricing-0.3.1/src/lib.rs';
const DEPENDENCY = `pub fn parse_price(text: &str) -> u32 {
    match text.parse::<u32>() {
        Ok(value) => value,
        Err(_) => panic!("not a price: {}", text),
    }
}
`;

const MAIN = `fn total(rows: &[&str]) -> u32 {
    rows.iter().map(|row| pricing::parse_price(row)).sum()
}

fn main() {
    println!("{}", total(&["1", "x"]));
}
`;

const UNWRAP = `fn port(text: &str) -> u16 {
    text.parse::<u16>().unwrap()
}

fn main() {
    println!("{}", port("http"));
}
`;

describe('Rust frames', () => {
  let dir: string | undefined;
  before(function () {
    if (!hasTool('rustc')) this.skip();
    dir = makeTempDir('rust');
    writeFiles(dir, { [REGISTRY_CRATE]: DEPENDENCY, 'src/main.rs': MAIN, 'unwrap/src/main.rs': UNWRAP });
    build('rustc', ['-g', '--edition', '2021', '--crate-type', 'rlib', '--crate-name', 'pricing', '-o', 'libpricing.rlib', REGISTRY_CRATE], dir);
    build('rustc', ['-g', '--edition', '2021', '--extern', 'pricing=libpricing.rlib', '--crate-name', 'shop', '-o', 'shop', 'src/main.rs'], dir);
    build('rustc', ['-g', '--edition', '2021', '--crate-name', 'port', '-o', 'port', 'src/main.rs'], `${dir}/unwrap`);
  });
  after(() => removeDir(dir));

  it(`reads the panic location and RUST_BACKTRACE=1 frames, with std in /rustc/ ${needs('rustc')}`, () => {
    const frames = parseFrames(crash('./port', [], `${dir ?? ''}/unwrap`, { RUST_BACKTRACE: '1' }));
    assert.deepEqual(frames[0] && [frames[0].file, frames[0].line, frames[0].column, frames[0].function, frames[0].userCode], ['src/main.rs', 2, 25, null, true]);
    assert.ok(frames.some((frame) => frame.file.startsWith('/rustc/') && !frame.userCode));
    const user = frames.slice(1).filter((frame) => frame.userCode);
    assert.deepEqual(user.map((frame) => [frame.file, frame.line, frame.function]), [
      ['src/main.rs', 2, 'port::port'],
      ['src/main.rs', 6, 'port::main'],
    ]);
    assert.equal(firstUserFrame(frames)?.textLine, frames[0]?.textLine);
  });

  it(`skips a panic inside a crate from .cargo/registry and finds the caller ${needs('rustc')}`, () => {
    const frames = parseFrames(crash('./shop', [], dir ?? '', { RUST_BACKTRACE: '1' }));
    assert.ok(frames[0]?.file.endsWith(REGISTRY_CRATE));
    assert.equal(frames[0]?.userCode, false);
    const user = firstUserFrame(frames);
    assert.deepEqual(user && [user.file, user.line, user.function], ['src/main.rs', 2, 'shop::total::{{closure}}']);
  });

  it(`keeps libc frames of RUST_BACKTRACE=full as Rust frames that are not user code ${needs('rustc')}`, () => {
    const frames = parseFrames(crash('./port', [], `${dir ?? ''}/unwrap`, { RUST_BACKTRACE: 'full' }));
    assert.ok(frames.every((frame) => frame.runtime === 'rust'));
    assert.ok(frames.filter((frame) => !frame.file.endsWith('.rs')).every((frame) => !frame.userCode));
    assert.ok(frames.some((frame) => frame.function === 'port::port'), 'the address prefix is stripped from the function');
  });
});

describe('Rust frames (hand-written: the panic format of Rust before 1.73)', () => {
  it("reads `panicked at 'msg', file:line:col` even when the message has commas and quotes", () => {
    const frames = parseFrames([
      "thread 'main' panicked at 'called `Option::unwrap()` on a `None` value, 'x', y', src/main.rs:4:5",
      "thread '<main>' panicked at 'index out of bounds', src\\lib.rs:10",
      "thread 'main' panicked at 'boom', /home/u/.cargo/registry/src/github.com-1ecc6299db9ec823/serde-1.0.0/src/de.rs:3:9",
      'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => [frame.file, frame.line, frame.column, frame.userCode]), [
      ['src/main.rs', 4, 5, true],
      ['src\\lib.rs', 10, null, true],
      ['/home/u/.cargo/registry/src/github.com-1ecc6299db9ec823/serde-1.0.0/src/de.rs', 3, 9, false],
    ]);
  });
});
