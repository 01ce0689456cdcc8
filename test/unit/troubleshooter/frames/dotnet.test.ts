import assert from 'node:assert/strict';
import { firstUserFrame, parseFrames } from '../../../../language-server/troubleshooter/frames/parseFrames';

// The dotnet SDK is not installed here: these traces follow the format documented for Exception.StackTrace
// and Exception.ToString ("at Namespace.Type.Method(args) in path:line N"), as printed by .NET 6-8.
describe('.NET frames (hand-written from the documented Exception.ToString format)', () => {
  const TRACE = [
    'Unhandled exception. System.InvalidOperationException: Sequence contains no elements',
    '   at System.Linq.ThrowHelper.ThrowNoElementsException()',
    '   at System.Linq.Enumerable.First[TSource](IEnumerable`1 source)',
    '   at Shop.Orders.OrderService.GetLatest(List`1 orders) in /home/dev/Shop/Orders/OrderService.cs:line 14',
    '   at Shop.Program.<Main>$(String[] args) in C:\\Users\\dev\\source\\repos\\Shop\\Program.cs:line 8',
  ].join('\n');

  it('reads frames with a source location and skips frames without one', () => {
    const frames = parseFrames(TRACE);
    assert.deepEqual(frames.map((frame) => [frame.file, frame.line, frame.function, frame.userCode]), [
      ['/home/dev/Shop/Orders/OrderService.cs', 14, 'Shop.Orders.OrderService.GetLatest', true],
      ['C:\\Users\\dev\\source\\repos\\Shop\\Program.cs', 8, 'Shop.Program.<Main>$', true],
    ]);
    assert.ok(frames.every((frame) => frame.runtime === 'dotnet' && frame.column === null));
    assert.equal(firstUserFrame(frames)?.line, 14);
  });

  it('reads async and inner-exception traces and keeps SourceLink framework frames out of user code', () => {
    const frames = parseFrames([
      'System.AggregateException: One or more errors occurred. (boom)',
      ' ---> System.Exception: boom',
      '   at System.ThrowHelper.Throw() in /_/src/libraries/System.Private.CoreLib/src/System/ThrowHelper.cs:line 40',
      '   at Shop.Api.Handlers.CheckoutHandler.Handle(CheckoutCommand command, CancellationToken token) in D:\\work in progress\\Shop.Api\\Handlers\\CheckoutHandler.cs:line 57',
      '--- End of stack trace from previous location ---',
      '   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.TaskOfIActionResultExecutor.Execute(ActionContext context) in C:\\src\\Mvc.cs:line 1',
      '   --- End of inner exception stack trace ---',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => [frame.function, frame.userCode]), [
      ['System.ThrowHelper.Throw', false],
      ['Shop.Api.Handlers.CheckoutHandler.Handle', true],
      ['Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.TaskOfIActionResultExecutor.Execute', false],
    ]);
    assert.equal(frames[1]?.file, 'D:\\work in progress\\Shop.Api\\Handlers\\CheckoutHandler.cs');
  });

  it('reads localized frames (German, French) and Visual Basic / F# files', () => {
    const frames = parseFrames([
      '   bei Shop.Program.Main(String[] args) in C:\\Shop\\Program.cs:Zeile 12',
      '   à Shop.Program.Main(String[] args) dans C:\\Shop\\Program.cs:ligne 13',
      '   at Shop.Module1.Main() in C:\\Shop\\Module1.vb:line 5',
      '   at Shop.Lib.run(Unit unitVar0) in /src/Lib.fs:line 9',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => [frame.file, frame.line]), [
      ['C:\\Shop\\Program.cs', 12],
      ['C:\\Shop\\Program.cs', 13],
      ['C:\\Shop\\Module1.vb', 5],
      ['/src/Lib.fs', 9],
    ]);
  });
});
