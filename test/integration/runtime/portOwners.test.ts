/** PortOwners against the real socket tables: a listening socket whose owner was not in the table yet. */
import assert from 'node:assert/strict';
import net from 'node:net';
import { PortOwners, type OwnerCandidate } from '../../../language-server/scanner/runtime/portOwners';
import { readListeningLines, readStat } from '../../../language-server/scanner/runtime/procfs';
import { parseProcNetTcp } from '../../../language-server/scanner/runtime/procNet';

const sockets = () => [...parseProcNetTcp(readListeningLines('/proc/net/tcp')), ...parseProcNetTcp(readListeningLines('/proc/net/tcp6'))];

describe('runtime: PortOwners on real sockets', function () {
  if (process.platform !== 'linux') return;
  let server: net.Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('finds the owner of a socket that listened before its process was in the table, once that process shows up', async () => {
    server = net.createServer();
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const me: OwnerCandidate = { pid: process.pid, start: readStat(process.pid)?.startTicks ?? 0, isNew: false, inProject: false };
    const owners = new PortOwners();
    // This process is left out, as a server that started between reading the table and the socket tables is.
    const first = owners.resolve(sockets(), []);
    assert.equal(first.get(process.pid), undefined);
    const second = owners.resolve(sockets(), [me]);
    assert.deepEqual(second.get(process.pid), [port], 'the latecomer is searched for the socket set aside');
    assert.equal(owners.scanned, 1);
    const third = owners.resolve(sockets(), [me]);
    assert.deepEqual(third.get(process.pid), [port]);
    assert.equal(owners.scanned, 0, 'a placed socket costs no more fd listing');
  });

  it('lists a process set aside once only, not on every call', () => {
    const owners = new PortOwners();
    const me: OwnerCandidate = { pid: process.pid, start: readStat(process.pid)?.startTicks ?? 0, isNew: false, inProject: false };
    // A socket nobody here holds (inode 1 is never a socket's): one full pass, then only newcomers are searched.
    const ghost = [{ inode: 1, port: 1, address: '127.0.0.1' }];
    owners.resolve(ghost, [me]);
    assert.equal(owners.scanned, 1);
    owners.resolve(ghost, [me]);
    assert.equal(owners.scanned, 0);
  });
});
