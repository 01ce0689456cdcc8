import type { DetectContext } from '../../scanner/ecosystems/detector';
import { isFile } from './files';
import type { Found } from './types';

/** Rails, Laravel and Phoenix: each framework's own dev server, with its documented default port. */
export async function webFrameworkCandidates(ctx: DetectContext): Promise<Found[]> {
  const found = await Promise.all([rails(ctx), laravel(ctx), phoenix(ctx)]);
  return found.filter((f): f is Found => f !== undefined);
}

/** `bin/rails` is the binstub every Rails app has; without it (an odd checkout) bundler still finds rails. */
async function rails(ctx: DetectContext): Promise<Found | undefined> {
  if (!ctx.names.has('Gemfile')) return undefined;
  const gemfile = await ctx.text('Gemfile');
  if (gemfile === undefined || !/^\s*gem\s+["']rails["']/m.test(gemfile)) return undefined;
  const command = (await isFile(ctx.path('bin/rails'))) ? 'bin/rails server' : 'bundle exec rails server';
  return { id: 'rails', label: command, command, source: 'rails', kind: 'process', expectedPort: 3000 };
}

async function laravel(ctx: DetectContext): Promise<Found | undefined> {
  if (!ctx.names.has('artisan')) return undefined;
  const command = 'php artisan serve';
  return { id: 'laravel', label: command, command, source: 'laravel', kind: 'process', expectedPort: 8000 };
}

async function phoenix(ctx: DetectContext): Promise<Found | undefined> {
  if (!ctx.names.has('mix.exs')) return undefined;
  const mix = await ctx.text('mix.exs');
  if (mix === undefined || !/\{\s*:phoenix\s*,/.test(mix)) return undefined;
  const command = 'mix phx.server';
  return { id: 'phoenix', label: command, command, source: 'phoenix', kind: 'process', expectedPort: 4000 };
}
