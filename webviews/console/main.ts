import '../shared/base.css';
import { HostChannel } from '../shared/hostChannel';
import { ConsoleApp, type ConsoleChannel } from './consoleApp';
import { isConsoleState } from './consoleState';
import { isConsoleMessage } from './protocol';

// The element is made here rather than written in the HTML so that its channel is set before it connects.
const channel: ConsoleChannel = new HostChannel({ message: isConsoleMessage, state: isConsoleState }, 'optimus console');
const app = new ConsoleApp();
app.channel = channel;
document.body.append(app);
