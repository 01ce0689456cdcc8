import assert from 'node:assert/strict';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { identifyProject } from '../../../language-server/scanner/identify';
import type { Finding } from '../../../language-server/model';
import { depList, identifyTree, json, removeTrees } from './fixtures';

function only(findings: readonly Finding[], code: string): Finding {
  const matching = findings.filter((f) => f.code === code);
  assert.equal(matching.length, 1, `expected one ${code} finding, got ${JSON.stringify(findings)}`);
  return matching[0] as Finding;
}

describe('identifyProject with bad manifests', () => {
  after(removeTrees);

  it('reports truncated package.json with the parse position and still identifies the rest', async () => {
    const id = await identifyTree({
      'package.json': '{\n  "name": "shop",\n  "dependencies": {\n    "react": "^18.2.0",\n',
      'tsconfig.json': '{}',
      'requirements.txt': 'flask==3.0.0\n',
    });
    const finding = only(id.findings, 'manifest/malformed');
    assert.equal(finding.file, join(id.dir, 'package.json'));
    assert.match(finding.message, /^package\.json is not valid JSON: .* at line 5, column 1$/);
    assert.equal(finding.line, 5);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(id.stack.languages, ['python', 'typescript']);
    assert.deepEqual(id.stack.frameworks, ['flask']);
    assert.deepEqual(depList(id), ['flask@==3.0.0:runtime']);
  });

  it('reports a JSON syntax error in the middle with its line', async () => {
    const id = await identifyTree({ 'composer.json': '{\n  "require": {\n    "laravel/framework" "^10.0"\n  }\n}' });
    const finding = only(id.findings, 'manifest/malformed');
    assert.match(finding.message, /composer\.json is not valid JSON: .*line 3, column 25/);
    assert.deepEqual(id.stack.packageManagers, ['composer']);
  });

  it('reports package.json that is not an object and fields of the wrong type', async () => {
    const list = await identifyTree({ 'package.json': '["react"]' });
    assert.match(only(list.findings, 'manifest/malformed').message, /package\.json should hold a JSON object at the top level, but holds a list/);
    const field = await identifyTree({ 'package.json': json({ dependencies: ['react'], devDependencies: { mocha: '^10' } }) });
    assert.match(only(field.findings, 'manifest/malformed').message, /"dependencies" should be an object .* but is a list/);
    assert.deepEqual(depList(field), ['mocha@^10:dev']);
  });

  it('reports invalid TOML with its line', async () => {
    const id = await identifyTree({ 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["requests",\n[tool.poetry\n' });
    const finding = only(id.findings, 'manifest/malformed');
    assert.match(finding.message, /^pyproject\.toml is not valid TOML: .+ at line \d+$/);
    assert.ok(finding.line !== undefined && finding.line >= 3);
    assert.deepEqual(id.stack.languages, ['python']);
  });

  it('reports invalid YAML with its line', async () => {
    const id = await identifyTree({ 'pubspec.yaml': 'name: app\ndependencies:\n  http: ^1.0.0\n   bad: [\n' });
    const finding = only(id.findings, 'manifest/malformed');
    assert.match(finding.message, /^pubspec\.yaml is not valid YAML: /);
    assert.equal(typeof finding.line, 'number');
    assert.deepEqual(id.stack.languages, ['dart']);
  });

  it('reports an empty pubspec.yaml as holding nothing', async () => {
    const id = await identifyTree({ 'pubspec.yaml': '' });
    assert.match(only(id.findings, 'manifest/malformed').message, /pubspec\.yaml should hold a mapping .* nothing/);
  });

  it('reports binary bytes instead of parsing them', async () => {
    const id = await identifyTree({ 'Cargo.toml': Buffer.from([0x5b, 0x70, 0x00, 0x01, 0xff, 0x00]) });
    const finding = only(id.findings, 'manifest/malformed');
    assert.match(finding.message, /Cargo\.toml contains binary data \(a zero byte at offset 2\)/);
    assert.deepEqual(id.stack.languages, ['rust']);
    assert.equal(id.dependencies.count, 0);
  });

  it('reports text that is not UTF-8', async () => {
    const id = await identifyTree({ Gemfile: Buffer.from('gem "caf\xe9"\n', 'latin1') });
    assert.match(only(id.findings, 'manifest/malformed').message, /Gemfile is not valid UTF-8/);
  });

  it('refuses a manifest over 2 MB without reading it', async () => {
    const huge = `requests==2.0.0\n${'# padding line\n'.repeat(200_000)}`;
    const id = await identifyTree({ 'requirements.txt': huge });
    const finding = only(id.findings, 'manifest/too-large');
    assert.match(finding.message, /requirements\.txt is 2\.\d MB, over the 2 MB limit for a manifest/);
    assert.deepEqual(id.stack.languages, ['python']);
    assert.equal(id.dependencies.count, 0);
  });

  it('reads a large manifest under the limit completely', async () => {
    const dependencies = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`pkg-${i}`, `^${i}.0.0`]));
    const id = await identifyTree({ 'package.json': json({ dependencies }) });
    assert.deepEqual(id.findings, []);
    assert.equal(id.dependencies.count, 3000);
    assert.equal(depList(id).at(-1), 'pkg-2999@^2999.0.0:runtime');
  });

  it('reports a folder named package.json', async () => {
    const id = await identifyTree({ 'package.json': { folder: true }, 'go.mod': 'module x\n\nrequire github.com/gin-gonic/gin v1.9.1\n' });
    assert.match(only(id.findings, 'manifest/unreadable').message, /package\.json is a folder, not a file/);
    assert.deepEqual(id.stack.frameworks, ['gin']);
  });

  it('reports a symlink to nowhere with its target', async () => {
    const id = await identifyTree({ 'go.mod': { symlink: '../gone/go.mod' } });
    const finding = only(id.findings, 'manifest/unreadable');
    assert.match(finding.message, /go\.mod is a symbolic link to "\.\.\/gone\/go\.mod", which does not exist/);
    assert.deepEqual(id.stack.languages, ['go']);
  });

  it('reports a symlink loop', async () => {
    const id = await identifyTree({ 'Gemfile': { symlink: 'Gemfile' } });
    assert.match(only(id.findings, 'manifest/unreadable').message, /Gemfile is a symbolic link that points back to itself/);
  });

  it('reports a manifest it may not read', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads anything
    const id = await identifyTree({ 'mix.exs': 'defp deps do [] end' });
    await chmod(join(id.dir, 'mix.exs'), 0o000);
    const again = await identifyProject(id.dir, ['mix.exs']);
    assert.match(only(again.findings, 'manifest/unreadable').message, /mix\.exs cannot be read: permission denied/);
  });

  it('reports a manifest that vanished between listing and reading', async () => {
    const id = await identifyProject(join(__dirname, 'no-such-folder'), ['package.json', 'Cargo.toml']);
    assert.equal(id.findings.filter((f) => f.code === 'manifest/unreadable').length, 2);
    assert.match(id.findings[0]?.message ?? '', /disappeared while it was being read/);
    assert.deepEqual(id.stack.languages, ['javascript', 'rust']);
  });

  it('reports XML that is not well-formed in pom.xml and .csproj', async () => {
    const pom = await identifyTree({ 'pom.xml': '<project><dependencies><dependency></dependencies></project>' });
    assert.match(only(pom.findings, 'manifest/malformed').message, /pom\.xml is not well-formed XML: .*\(line 1, column \d+\)/);
    assert.deepEqual(pom.stack.packageManagers, ['maven']);
    const csproj = await identifyTree({ 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>' });
    assert.match(only(csproj.findings, 'manifest/malformed').message, /Api\.csproj is not well-formed XML/);
    assert.deepEqual(csproj.stack.languages, ['csharp']);
  });

  it('does not expand entity or alias bombs', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`).join('');
    const pom = await identifyTree({ 'pom.xml': `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a0 "xxxxxxxxxx">${entities}]><project><dependencies><dependency><groupId>&a9;</groupId><artifactId>x</artifactId></dependency></dependencies></project>` });
    assert.deepEqual(depList(pom), ['&a9;:x@*:runtime']);
    const aliases = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)];
    const pub = await identifyTree({ 'pubspec.yaml': `${aliases.join('\n')}\ndependencies:\n  http: ^1.0.0\n` });
    assert.match(only(pub.findings, 'manifest/malformed').message, /pubspec\.yaml is not valid YAML: .*alias/i);
  });

  it('keeps going when manifests hold values of unexpected types', async () => {
    const id = await identifyTree({
      'Cargo.toml': '[dependencies]\nserde = 1\ntokio = { features = ["full"] }\n[target]\nx = 3\n',
      'pyproject.toml': '[project]\ndependencies = "requests"\noptional-dependencies = [1, 2]\n[tool.poetry]\ndependencies = 5\n',
      'composer.json': json({ require: { php: '>=8.1', 'ext-json': '*', 'monolog/monolog': 3 } }),
    });
    assert.deepEqual(id.findings, []);
    assert.deepEqual(depList(id).sort(), ['monolog/monolog@3:runtime', 'serde@1:runtime', 'tokio@*:runtime']);
  });
});
