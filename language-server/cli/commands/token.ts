import { SCOPES, TOKEN_ID_PATTERN, isScope, type TokenScope } from '../../api/tokens/tokenFormat';
import { TokenService, type TokenInfo } from '../../api/tokens/tokenService';
import { MEMORY_PATH } from '../../store/storePath';
import { cliAction } from '../audited';
import { intOption, stringOption } from '../checks';
import { defineCommand, type CliContext, type RawArgs } from '../command';
import { writeJson, writeJsonLines } from '../output';
import { renderTable } from '../table';
import { UsageError } from '../usage';

const USAGE = 'token create --scope read|write [--name TEXT] [--expires DAYS] | token list | token revoke ID';
const MAX_EXPIRY_DAYS = 3650;

type TokenArgs =
  | { action: 'create'; scope: TokenScope; name: string; expiresDays: number | undefined }
  | { action: 'list' }
  | { action: 'revoke'; id: string };

/** `optimus token`: the REST API's bearer tokens, kept hashed in the store that `optimus serve` reads. */
export const tokenCommand = defineCommand<TokenArgs>({
  name: 'token',
  usage: USAGE,
  summary: 'create (shown once), list or revoke the tokens of the REST API; create and revoke are audited',
  options: {
    scope: { type: 'string', value: 'SCOPE', help: 'read (the default): everything that only reads; write: also start, stop, fix, deploy, back up' },
    name: { type: 'string', value: 'TEXT', help: 'what the token is for, shown by `token list`' },
    expires: { type: 'string', value: 'DAYS', help: `the token stops working after DAYS days (1 to ${MAX_EXPIRY_DAYS}; default: never)` },
  },
  parse,
  async run(args, ctx) {
    const tokens = new TokenService({ store: async () => ctx.store });
    if (args.action === 'create') return create(tokens, args, ctx);
    if (args.action === 'list') return list(tokens, ctx);
    return revoke(tokens, args.id, ctx);
  },
});

function parse(raw: RawArgs): TokenArgs {
  const [action, ...rest] = raw.positionals;
  const only = (allowed: readonly string[]): void => {
    const extra = Object.keys(raw.options).filter((o) => !allowed.includes(o));
    if (extra.length > 0) throw new UsageError(`\`optimus token ${action}\` does not take --${extra[0]}.`);
  };
  if ((action === 'create' || action === 'revoke') && raw.global.db === MEMORY_PATH) throw new UsageError('API tokens live in the database file that `optimus serve` reads: give --db a file, not :memory:.');
  if (action === 'create') {
    if (rest.length > 0) throw new UsageError(`\`optimus token create\` takes no arguments (got ${rest.join(' ')}); type \`optimus ${USAGE.split(' | ')[0]}\`.`);
    only(['scope', 'name', 'expires']);
    const scope = stringOption(raw, 'scope') ?? 'read';
    if (!isScope(scope)) throw new UsageError(`--scope must be ${SCOPES.join(' or ')} (got "${scope}").`);
    return { action, scope, name: stringOption(raw, 'name') ?? '', expiresDays: intOption(raw, 'expires', 1, MAX_EXPIRY_DAYS) };
  }
  if (action === 'list') {
    if (rest.length > 0) throw new UsageError('`optimus token list` takes no arguments.');
    only([]);
    return { action };
  }
  if (action === 'revoke') {
    only([]);
    if (rest.length !== 1) throw new UsageError('`optimus token revoke` needs the ID of one token (`optimus token list` shows them): type `optimus token revoke ID`.');
    const id = rest[0] as string;
    if (!TOKEN_ID_PATTERN.test(id)) throw new UsageError(`"${id.slice(0, 40)}" is not a token id: ids are 12 hex digits, as \`optimus token list\` shows them.`);
    return { action, id };
  }
  throw new UsageError(action === undefined ? `\`optimus token\` needs what to do: type \`optimus ${USAGE}\`.` : `Unknown token action "${action}": type \`optimus ${USAGE}\`.`);
}

async function create(tokens: TokenService, args: Extract<TokenArgs, { action: 'create' }>, ctx: CliContext): Promise<number> {
  const expiresAt = args.expiresDays === undefined ? null : new Date(Date.now() + args.expiresDays * 86_400_000);
  const details: Record<string, unknown> = { scope: args.scope, name: args.name, expiresAt: expiresAt?.toISOString() ?? null };
  const created = await cliAction(ctx, { action: 'token.create', target: 'api', details }, async () => {
    const made = await tokens.create({ scope: args.scope, name: args.name, expiresAt });
    details.id = made.id; // the id only: the token itself is never written anywhere
    return made;
  });
  const report = { token: created.token, id: created.id, scope: created.scope };
  if (ctx.global.json && ctx.global.batch) writeJsonLines(ctx.out, [report]);
  else if (ctx.global.json) writeJson(ctx.out, report);
  else ctx.out.write(`${created.token}\n`);
  ctx.err.write(`note: token ${created.id} (${created.scope}${created.expiresAt ? `, expires ${created.expiresAt}` : ''}) is shown this once; keep it somewhere safe. Send it as \`Authorization: Bearer <token>\`.\n`);
  return 0;
}

async function list(tokens: TokenService, ctx: CliContext): Promise<number> {
  if (!ctx.store) ctx.err.write('optimus: the store could not be opened, so there are no tokens to show.\n');
  const all = await tokens.list();
  if (ctx.global.json && ctx.global.batch) writeJsonLines(ctx.out, all);
  else if (ctx.global.json) writeJson(ctx.out, { tokens: all });
  else ctx.out.write(table(all) + '\n');
  return ctx.store ? 0 : 1;
}

async function revoke(tokens: TokenService, id: string, ctx: CliContext): Promise<number> {
  await cliAction(ctx, { action: 'token.revoke', target: 'api', details: { id } }, async () => {
    if (!(await tokens.revoke(id))) throw new Error(`No live token has id ${id} (\`optimus token list\` shows them).`);
  });
  const report = { id, revoked: true };
  if (ctx.global.json && ctx.global.batch) writeJsonLines(ctx.out, [report]);
  else if (ctx.global.json) writeJson(ctx.out, report);
  else ctx.out.write(`Revoked token ${id}.\n`);
  return 0;
}

function table(all: readonly TokenInfo[]): string {
  if (all.length === 0) return 'No API tokens. Create one with `optimus token create --scope read`.';
  const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '-');
  return renderTable(['ID', 'SCOPE', 'STATE', 'CREATED (UTC)', 'LAST USED', 'EXPIRES', 'NAME'], all.map((t) => [t.id, t.scope, t.state, day(t.createdAt), day(t.lastUsedAt), day(t.expiresAt), t.name || '-']));
}
