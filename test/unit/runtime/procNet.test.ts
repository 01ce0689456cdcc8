import assert from 'node:assert/strict';
import { decodeAddress, parseProcNetTcp } from '../../../language-server/scanner/runtime/procNet';

const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const line = (sl: number, local: string, remote: string, st: string, inode: number): string =>
  `  ${sl}: ${local} ${remote} ${st} 00000000:00000000 00:00000000 00000000  1000        0 ${inode} 1 0000000000000000 100 0 0 10 0`;

describe('parseProcNetTcp', () => {
  it('skips the header, garbage, non-LISTEN states and inode 0', () => {
    const text = [
      HEADER,
      'garbage',
      line(0, 'ZZZZZZZZ:0016', '00000000:0000', '0A', 10),
      line(1, '0100007F:0BB8', '0100007F:D431', '01', 11), // ESTABLISHED
      line(2, '0100007F:0BB9', '00000000:0000', '0A', 0),
      line(3, '0100007F:0BBA', '00000000:0000', '0A', -5),
      '  4: 0100007F:0BBB',
      '',
    ].join('\n');
    assert.deepEqual(parseProcNetTcp(text, true), []);
  });

  it('reads IPv4 addresses in host byte order and ports as plain hex', () => {
    const text = [HEADER, line(0, '00000000:0016', '00000000:0000', '0A', 555), line(1, '0100007F:1F90', '00000000:0000', '0A', 556)].join('\n');
    assert.deepEqual(parseProcNetTcp(text, true), [
      { inode: 555, port: 22, address: '0.0.0.0' },
      { inode: 556, port: 8080, address: '127.0.0.1' },
    ]);
    // The same bytes on a big-endian machine mean 1.0.0.127.
    assert.equal(parseProcNetTcp(text, false)[1]?.address, '1.0.0.127');
  });

  it('reads IPv6 addresses word by word, compressed as RFC 5952 says', () => {
    const any = '00000000000000000000000000000000';
    const loopback = '00000000000000000000000001000000';
    const mapped = '0000000000000000FFFF00000100007F';
    const text = [HEADER, line(0, `${any}:0BB8`, `${any}:0000`, '0A', 1), line(1, `${loopback}:0050`, `${any}:0000`, '0A', 2), line(2, `${mapped}:01BB`, `${any}:0000`, '0A', 3)].join('\n');
    assert.deepEqual(parseProcNetTcp(text, true), [
      { inode: 1, port: 3000, address: '::' },
      { inode: 2, port: 80, address: '::1' },
      { inode: 3, port: 443, address: '::ffff:127.0.0.1' },
    ]);
  });

  it('decodes a full IPv6 address', () => {
    // fe80::1:2:3:4 stored as four little-endian words
    assert.equal(decodeAddress('000080FE000000000200010004000300', true), 'fe80::1:2:3:4');
    assert.equal(decodeAddress('B80D0120000000000000000001000000', true), '2001:db8::1');
  });
});
