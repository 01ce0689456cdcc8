import assert from 'node:assert/strict';
import { isUserCode } from '../../../../language-server/troubleshooter/frames/userCode';
import type { Runtime } from '../../../../language-server/troubleshooter/frames/types';

describe('isUserCode', () => {
  const notUser: Array<[Runtime, string, string | null]> = [
    ['node', '/app/node_modules/express/index.js', null],
    ['node', 'node:internal/process/task_queues', null],
    ['node', 'internal/modules/cjs/loader.js', null],
    ['node', 'events.js', null],
    ['node', '<anonymous>', null],
    ['node', '[eval]', null],
    ['node', 'evalmachine.<anonymous>', null],
    ['browser', 'webpack:///webpack/bootstrap', null],
    ['browser', 'webpack-internal:///./node_modules/react-dom/cjs/react-dom.development.js', null],
    ['browser', 'chrome-extension://abc/content.js', null],
    ['browser', 'https://unpkg.com/react@18/umd/react.development.js', null],
    ['python', '/usr/lib/python3/dist-packages/requests/api.py', 'get'],
    ['python', '/home/u/.venv/lib/python3.12/site-packages/flask/app.py', 'wsgi_app'],
    ['python', '/usr/lib/python3.12/json/decoder.py', 'decode'],
    ['python', 'C:\\Python311\\Lib\\json\\decoder.py', 'decode'],
    ['python', '<frozen importlib._bootstrap>', '_call_with_frames_removed'],
    ['java', 'java/lang/Thread.java', 'java.lang.Thread.run'],
    ['java', 'sun/reflect/NativeMethodAccessorImpl.java', 'sun.reflect.NativeMethodAccessorImpl.invoke'],
    ['java', 'org/junit/Assert.java', 'org.junit.Assert.fail'],
    ['java', 'jdk/internal/reflect/X.java', 'jdk.internal.reflect.X.invoke'],
    ['go', '/usr/local/go/src/runtime/panic.go', 'panic'],
    ['go', '/home/u/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go', 'github.com/gin-gonic/gin.(*Context).Next'],
    ['go', '/home/u/shop/main.go', 'runtime.goexit'],
    ['rust', '/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/panicking.rs', 'core::panicking::panic_fmt'],
    ['rust', '/home/u/.cargo/registry/src/index.crates.io-6f17d22bba15001f/tokio-1.37.0/src/runtime/park.rs', 'tokio::runtime::park'],
    ['rust', './csu/../csu/libc-start.c', '__libc_start_main_impl'],
    ['dotnet', '/_/src/libraries/System.Private.CoreLib/src/System/ThrowHelper.cs', 'System.ThrowHelper.Throw'],
    ['dotnet', 'C:\\src\\Shop\\Program.cs', 'Microsoft.Extensions.Hosting.Internal.Host.StartAsync'],
  ];
  for (const [runtime, file, fn] of notUser) {
    it(`${runtime}: ${file} is not user code`, () => assert.equal(isUserCode(runtime, file, fn), false));
  }

  const user: Array<[Runtime, string, string | null]> = [
    ['node', '/home/u/shop/src/server.js', 'listen'],
    ['node', 'C:\\Users\\u\\shop\\index.js', null],
    ['node', 'file:///home/u/shop/main.mjs', null],
    ['browser', 'http://localhost:3000/static/js/bundle.js', 'App'],
    ['browser', 'webpack-internal:///./src/App.js', 'App'],
    ['python', '/home/u/shop/app/views.py', 'index'],
    ['python', 'C:\\Users\\u\\shop\\main.py', '<module>'],
    ['python', '/home/u/shop/lib/python3_compat/shim.py', 'load'],
    ['java', 'com/example/shop/App.java', 'com.example.shop.App.main'],
    ['go', '/home/u/go/src/github.com/u/shop/main.go', 'main.main'],
    ['rust', 'src/main.rs', null],
    ['dotnet', 'C:\\src\\Shop\\Program.cs', 'Shop.Program.Main'],
  ];
  for (const [runtime, file, fn] of user) {
    it(`${runtime}: ${file} is user code`, () => assert.equal(isUserCode(runtime, file, fn), true));
  }
});
