import type { SecurityRuleDoc } from '../ruleDoc';

/** Every `security/*` rule id of the dangerous-code scanner, with what it catches and why. */
export const CODE_RULES: Readonly<Record<string, SecurityRuleDoc>> = {
  'security/eval': { title: 'eval', severity: 'error', explanation: 'eval() runs a string as code with the caller\'s full rights; any attacker-influenced part of the string becomes code (a warning when the argument is a literal).' },
  'security/new-function': { title: 'new Function', severity: 'error', explanation: 'new Function(...) compiles a string into a function: it is eval with another name.' },
  'security/string-timer': { title: 'setTimeout/setInterval with a string', severity: 'warning', explanation: 'setTimeout/setInterval given a string evaluate it as code; pass a function instead.' },
  'security/shell-injection': { title: 'shell command built from variables', severity: 'error', explanation: 'exec/execSync (and spawn/execFile with shell: true) run their command through a shell; a command built with ${...} or + lets input add its own commands. Use execFile/spawn with an argument array.' },
  'security/html-injection': { title: 'HTML built from a variable', severity: 'warning', explanation: 'innerHTML/outerHTML/insertAdjacentHTML/document.write parse their input as HTML; a non-constant value can inject script (XSS). Use textContent or sanitize (DOMPurify).' },
  'security/dangerously-set-inner-html': { title: 'dangerouslySetInnerHTML with a variable', severity: 'warning', explanation: 'React inserts __html without escaping; a value that is not a constant or sanitized can inject script (XSS).' },
  'security/sql-injection': { title: 'SQL built by string concatenation', severity: 'error', explanation: 'SQL text built with + or ${...} lets input change the query (SQL injection); pass values as parameters ($1, ?) or use a tagged sql`` template.' },
  'security/weak-password-hash': { title: 'MD5/SHA-1 for passwords', severity: 'error', explanation: 'MD5 and SHA-1 are fast, unsalted hashes: password hashes made with them are cracked in bulk. Use bcrypt, scrypt or Argon2.' },
  'security/insecure-random': { title: 'Math.random for a token, id or secret', severity: 'warning', explanation: 'Math.random() is predictable; tokens, ids and passwords made from it can be guessed. Use crypto.randomBytes, crypto.randomUUID or crypto.getRandomValues.' },
  'security/tls-verification-disabled': { title: 'TLS certificate verification disabled', severity: 'error', explanation: 'rejectUnauthorized: false, strictSSL: false or NODE_TLS_REJECT_UNAUTHORIZED=0 accept any certificate, so anyone on the network can read and change the traffic.' },
  'security/cors-credentials-any-origin': { title: 'CORS: any origin with credentials', severity: 'error', explanation: 'origin "*" or true (reflect any origin) together with credentials: true lets any website make logged-in requests and read the answers.' },
  'security/cors-wildcard-origin': { title: 'CORS: Access-Control-Allow-Origin *', severity: 'warning', explanation: 'Every website may read these responses; fine for a public API, wrong for anything behind a login or on an internal network.' },
  'security/cors-default-options': { title: 'CORS: cors() with default options', severity: 'info', explanation: 'cors() without options allows every origin; pass the origins that should reach the API.' },
};
