import '../shared/base.css';
import { HostChannel } from '../shared/hostChannel';
import { MoneyApp, type MoneyChannel } from './moneyApp';
import { isMoneyState } from './moneyState';
import { isMoneyMessage } from './protocol';

// The element is made here rather than written in the HTML so that its channel is set before it connects.
const channel: MoneyChannel = new HostChannel({ message: isMoneyMessage, state: isMoneyState }, 'optimus money');
const app = new MoneyApp();
app.channel = channel;
document.body.append(app);
