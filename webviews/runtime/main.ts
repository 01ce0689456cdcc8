import '../shared/base.css';
import { HostChannel } from '../shared/hostChannel';
import { isRuntimeMessage } from './protocol';
import { RuntimeApp, type RuntimeChannel } from './runtimeApp';
import { isRuntimeState } from './runtimeState';

// The element is made here rather than written in the HTML so that its channel is set before it connects.
const channel: RuntimeChannel = new HostChannel({ message: isRuntimeMessage, state: isRuntimeState }, 'optimus runtime');
const app = new RuntimeApp();
app.channel = channel;
document.body.append(app);
