import assert from 'node:assert/strict';
import { firstUserFrame, parseFrames } from '../../../../language-server/troubleshooter/frames/parseFrames';
import { build, crash, hasTool, makeTempDir, needs, removeDir, writeFiles } from './realRun';

const APP = `package com.example.shop;

import java.util.List;

public class App {
    static int parse(String text) {
        return Integer.parseInt(text);
    }

    static class Importer {
        void run(List<String> rows) {
            rows.forEach(row -> {
                try {
                    parse(row);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("bad row " + row, e);
                }
            });
        }
    }

    public static void main(String[] args) {
        new Importer().run(List.of("1", "x"));
    }
}
`;

// Reflection puts (Native Method) frames into the trace, and single-file launch adds the launcher's frames.
const REFLECTIVE = `public class Reflective {
    public static void boom() { throw new IllegalArgumentException("boom"); }
    public static void main(String[] args) throws Exception { Reflective.class.getMethod("boom").invoke(null); }
}
`;

describe('Java frames', () => {
  let dir: string | undefined;
  before(function () {
    if (!hasTool('javac') || !hasTool('java')) this.skip();
    dir = makeTempDir('java');
    writeFiles(dir, { 'src/com/example/shop/App.java': APP, 'Reflective.java': REFLECTIVE });
    build('javac', ['-g', '-d', 'out', 'src/com/example/shop/App.java'], dir);
  });
  after(() => removeDir(dir));

  it(`reads a trace with a cause, module prefixes and lambdas ${needs('javac')}`, () => {
    const frames = parseFrames(crash('java', ['-cp', 'out', 'com.example.shop.App'], dir ?? ''));
    assert.deepEqual(frames.slice(0, 4).map((frame) => [frame.file, frame.line, frame.function, frame.userCode]), [
      ['com/example/shop/App.java', 16, 'com.example.shop.App$Importer.lambda$run$0', true],
      ['java/lang/Iterable.java', 75, 'java.lang.Iterable.forEach', false],
      ['com/example/shop/App.java', 12, 'com.example.shop.App$Importer.run', true],
      ['com/example/shop/App.java', 23, 'com.example.shop.App.main', true],
    ]);
    const cause = frames.slice(4);
    assert.ok(cause.some((frame) => frame.function === 'java.lang.Integer.parseInt' && !frame.userCode));
    assert.ok(cause.some((frame) => frame.function === 'com.example.shop.App.parse' && frame.line === 7));
    assert.equal(firstUserFrame(frames)?.line, 16);
  });

  it(`skips (Native Method) frames and keeps launcher frames out of user code ${needs('java')}`, () => {
    const text = crash('java', ['Reflective.java'], dir ?? '');
    assert.ok(text.includes('(Native Method)'), 'the real trace has native frames');
    const frames = parseFrames(text);
    assert.ok(frames.every((frame) => frame.line > 0));
    const user = frames.filter((frame) => frame.userCode).map((frame) => frame.function);
    assert.deepEqual([...new Set(user)], ['Reflective.main', 'Reflective.boom']);
    assert.ok(frames.some((frame) => frame.function?.startsWith('com.sun.tools.javac.launcher.') && !frame.userCode));
    assert.equal(firstUserFrame(frames)?.function, 'Reflective.main');
  });

  it(`reads a real Kotlin trace ${needs('kotlinc')}`, function () {
    if (!hasTool('kotlinc') || !dir) this.skip();
    writeFiles(dir, { 'Main.kt': 'fun check(x: Int) { require(x > 0) { "x must be positive" } }\nfun main() { check(-1) }\n' });
    build('kotlinc', ['Main.kt', '-include-runtime', '-d', 'main.jar'], dir);
    const user = firstUserFrame(parseFrames(crash('java', ['-jar', 'main.jar'], dir)));
    assert.deepEqual(user && [user.file, user.line, user.function], ['Main.kt', 1, 'MainKt.check']);
  });
});

describe('JVM frames (hand-written: Kotlin from its documented trace format, Spring/logback and Android from public issue threads)', () => {
  it('reads Kotlin files and skips a frame whose line is missing', () => {
    const frames = parseFrames([
      'Exception in thread "main" java.lang.IllegalStateException: Check failed.',
      '\tat kotlin.collections.CollectionsKt___CollectionsKt.first(_Collections.kt:214)',
      '\tat com.example.cli.MainKt.validate(Main.kt:7)',
      '\tat com.example.cli.MainKt.main(Main.kt:3)',
      '\tat com.example.cli.MainKt.main(Main.kt)',
      '\tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => [frame.file, frame.line, frame.userCode]), [
      ['kotlin/collections/_Collections.kt', 214, false],
      ['com/example/cli/Main.kt', 7, true],
      ['com/example/cli/Main.kt', 3, true],
      ['kotlinx/coroutines/DispatchedTask.kt', 108, false],
    ]);
    assert.equal(firstUserFrame(frames)?.function, 'com.example.cli.MainKt.validate');
  });

  it('reads logback frames with their jar suffix, Unknown Source and framework packages', () => {
    const frames = parseFrames([
      '2024-03-01 10:00:00.123 ERROR 4242 --- [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception',
      'java.lang.NullPointerException: null',
      '\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255) ~[spring-web-6.1.2.jar:6.1.2]',
      '\tat com.example.demo.web.OrderController.list(OrderController.java:31) ~[classes/:na]',
      '\tat java.lang.String.valueOf(Unknown Source)',
      '\tat android.os.Handler.dispatchMessage(Handler.java:106)',
      '\t... 48 common frames omitted',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => [frame.function, frame.userCode]), [
      ['org.springframework.web.method.support.InvocableHandlerMethod.doInvoke', false],
      ['com.example.demo.web.OrderController.list', true],
      ['android.os.Handler.dispatchMessage', false],
    ]);
    assert.equal(firstUserFrame(frames)?.file, 'com/example/demo/web/OrderController.java');
  });
});
