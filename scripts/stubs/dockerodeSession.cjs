// Stands in for dockerode's BuildKit session (lib/session.js and lib/buildkit.js), which pulls gRPC and protobufjs
// (~1 MB) into the bundles. Optimus never builds images through the API (it writes Dockerfiles, and a deploy
// runs the project's own command in a terminal), so a BuildKit build fails with this error instead.
module.exports = function withSession(docker, auth, handler) {
  handler(new Error('BuildKit builds are not available in Optimus; run `docker build` in a terminal'), null, () => undefined);
};
