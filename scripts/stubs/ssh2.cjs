// Stands in for the `ssh2` package in the bundles. Optimus reaches container engines over unix sockets and
// tcp(+TLS) only — endpoint.ts refuses ssh:// with a way out — so docker-modem's ssh transport is never used,
// and ssh2 ships native add-ons (sshcrypto.node, cpu-features) that cannot be bundled into one file.
class Client {
  constructor() {
    throw new Error('ssh:// container hosts are not supported: forward the socket (ssh -L) and use unix:// or tcp://');
  }
}
module.exports = { Client };
