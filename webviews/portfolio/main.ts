import '../shared/base.css';
import { HostChannel } from '../shared/hostChannel';
import { PortfolioApp, type PortfolioChannel } from './portfolioApp';
import { isPortfolioState } from './portfolioState';
import { isPortfolioMessage } from './protocol';

// The element is made here rather than written in the HTML so that its channel is set before it connects.
const channel: PortfolioChannel = new HostChannel({ message: isPortfolioMessage, state: isPortfolioState }, 'optimus portfolio');
const app = new PortfolioApp();
app.channel = channel;
document.body.append(app);
