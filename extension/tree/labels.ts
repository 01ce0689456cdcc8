import type { GitState, Project } from '../../language-server/model';

const DISPLAY: Record<string, string> = {
  typescript: 'TypeScript', javascript: 'JavaScript', python: 'Python', rust: 'Rust', go: 'Go', java: 'Java',
  kotlin: 'Kotlin', ruby: 'Ruby', php: 'PHP', csharp: 'C#', fsharp: 'F#', dart: 'Dart', elixir: 'Elixir',
  swift: 'Swift', c: 'C', cpp: 'C++', shell: 'Shell',
  react: 'React', 'react-native': 'React Native', next: 'Next.js', vue: 'Vue', nuxt: 'Nuxt', svelte: 'Svelte',
  sveltekit: 'SvelteKit', angular: 'Angular', astro: 'Astro', remix: 'Remix', solid: 'Solid', express: 'Express',
  fastify: 'Fastify', koa: 'Koa', hono: 'Hono', nestjs: 'NestJS', electron: 'Electron', tauri: 'Tauri',
  'vscode-extension': 'VS Code extension', django: 'Django', flask: 'Flask', fastapi: 'FastAPI', streamlit: 'Streamlit',
  rails: 'Rails', sinatra: 'Sinatra', laravel: 'Laravel', symfony: 'Symfony', 'spring-boot': 'Spring Boot',
  quarkus: 'Quarkus', micronaut: 'Micronaut', ktor: 'Ktor', android: 'Android', 'actix-web': 'Actix Web', axum: 'Axum',
  rocket: 'Rocket', gin: 'Gin', echo: 'Echo', fiber: 'Fiber', phoenix: 'Phoenix', flutter: 'Flutter', vapor: 'Vapor',
  aspnetcore: 'ASP.NET Core', blazor: 'Blazor', dotnet: '.NET', docker: 'Docker', 'docker-compose': 'Docker Compose',
};

/** `typescript` → `TypeScript`; ids without a known spelling are shown as they are. */
export function displayName(id: string): string {
  return DISPLAY[id] ?? id;
}

/** `main · TypeScript, React · ●3 ↑1`: what a project row says next to its name. */
export function projectDescription(p: Project): string {
  const parts: string[] = [];
  if (p.git) parts.push(p.git.branch ?? `(${p.git.head?.slice(0, 7) ?? 'detached'})`);
  const stack = [...p.stack.languages, ...p.stack.frameworks].map(displayName).join(', ');
  if (stack) parts.push(stack);
  const state = gitBadges(p.git);
  if (state) parts.push(state);
  return parts.join(' · ');
}

/** `●3 ↑1 ↓2`, empty when clean or unknown. */
export function gitBadges(git: GitState | null): string {
  if (!git) return '';
  if (git.error) return '⚠ git';
  const badges: string[] = [];
  if (git.dirty) badges.push(`●${git.changedFiles}`);
  if (git.ahead) badges.push(`↑${git.ahead}`);
  if (git.behind) badges.push(`↓${git.behind}`);
  return badges.join(' ');
}

/** "3 days ago", "just now": how long ago an ISO date was, at tree-row precision. */
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return iso;
  const steps: Array<[number, string]> = [[31536000, 'year'], [2592000, 'month'], [604800, 'week'], [86400, 'day'], [3600, 'hour'], [60, 'minute']];
  for (const [size, unit] of steps) {
    const n = Math.floor(seconds / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}
