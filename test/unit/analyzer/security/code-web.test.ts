import assert from 'node:assert/strict';
import { dangerIn, hits } from './helpers';

function check(lines: string[], path = '/proj/src/ui.tsx'): Array<[string, number]> {
  return hits(dangerIn(lines.join('\n'), path));
}

describe('dangerous code: HTML injection', () => {
  it('flags innerHTML/outerHTML/insertAdjacentHTML/document.write fed non-constant values', () => {
    assert.deepEqual(check([
      'el.innerHTML = userHtml;', 'el.outerHTML = `<p>${comment}</p>`;', "list.innerHTML += '<li>' + item + '</li>';", "el.insertAdjacentHTML('beforeend', row);",
      'document.write(location.hash);', 'document.writeln("<b>" + name);', 'el.innerHTML = cond ? html : "";',
    ]).map(([, line]) => line), [1, 2, 3, 4, 5, 6, 7]);
  });

  it('leaves constants, sanitized values, textContent and unrelated write() calls alone', () => {
    assert.deepEqual(check([
      "el.innerHTML = '';", 'el.innerHTML = `<b>static</b>`;', 'el.innerHTML = DOMPurify.sanitize(userHtml);', 'el.innerHTML = escapeHtml(name);',
      'el.textContent = userHtml;', "el.insertAdjacentHTML('beforeend', '<hr>');", 'stream.write(data);', 'const TEMPLATE = "<div></div>"; el.innerHTML = TEMPLATE;',
      'el.innerHTML = flag ? "<b>a</b>" : "<i>b</i>";', 'const html = el.innerHTML;',
    ]), []);
  });

  it('flags dangerouslySetInnerHTML with a variable, in JSX and in createElement props', () => {
    assert.deepEqual(check([
      'const a = <div dangerouslySetInnerHTML={{ __html: post.body }} />;', 'const b = <div dangerouslySetInnerHTML={props.html} />;',
      "const c = React.createElement('div', { dangerouslySetInnerHTML: { __html: markdown(src) } });",
      "const d = <div dangerouslySetInnerHTML={{ __html: '<br/>' }} />;", 'const e = <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(body) }} />;',
    ]), [['security/dangerously-set-inner-html', 1], ['security/dangerously-set-inner-html', 2], ['security/dangerously-set-inner-html', 3]]);
  });
});

describe('dangerous code: permissive CORS', () => {
  it('flags any origin with credentials as an error, the explicit * header as a warning, and bare cors() as info', () => {
    const found = dangerIn([
      "app.use(cors({ origin: '*', credentials: true }));", 'app.use(cors({ origin: true, credentials: true }));', "res.setHeader('Access-Control-Allow-Origin', '*');",
      "res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });", "app.use(cors({ origin: '*' }));", 'app.use(cors());',
    ].join('\n'), '/proj/server.js');
    assert.deepEqual(found.map((f) => [f.ruleId, f.line, f.severity]), [
      ['security/cors-credentials-any-origin', 1, 'error'], ['security/cors-credentials-any-origin', 2, 'error'], ['security/cors-wildcard-origin', 3, 'warning'],
      ['security/cors-wildcard-origin', 4, 'warning'], ['security/cors-wildcard-origin', 5, 'warning'], ['security/cors-default-options', 6, 'info'],
    ]);
  });

  it('leaves listed origins, credentials without a wildcard, and other headers alone', () => {
    assert.deepEqual(check([
      "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));", "app.use(cors({ origin: 'https://app.example.com' }));",
      "res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');", "res.setHeader('Content-Type', '*');", 'const opts = { origin: "*" };',
      'const cors = require("cors"); app.use(cors(corsOptions));',
    ], '/proj/server.js'), []);
  });
});
