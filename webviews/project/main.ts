import '../shared/base.css';
import { HostChannel } from '../shared/hostChannel';
import { ProjectApp, type ProjectChannel } from './projectApp';
import { isProjectState } from './projectState';
import { isProjectMessage } from './protocol';

// The element is made here rather than written in the HTML so that its channel is set before it connects.
const channel: ProjectChannel = new HostChannel({ message: isProjectMessage, state: isProjectState }, 'optimus project');
const app = new ProjectApp();
app.channel = channel;
document.body.append(app);
