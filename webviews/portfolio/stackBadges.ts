/**
 * The short marks cards show for a stack, drawn as text badges: an icon font or images would be one more
 * resource for the CSP to allow and to ship, and emoji are missing from many Linux desktops. Decorative: the
 * card's label names the stack in words.
 */
const MONOGRAMS: Record<string, string> = {
  typescript: 'TS', javascript: 'JS', python: 'Py', rust: 'Rs', go: 'Go', java: 'Jv', kotlin: 'Kt', ruby: 'Rb',
  php: 'PHP', csharp: 'C#', fsharp: 'F#', dart: 'Dt', elixir: 'Ex', swift: 'Sw', c: 'C', cpp: 'C++', shell: 'Sh',
  react: 'Re', 'react-native': 'RN', next: 'Nx', vue: 'Vu', nuxt: 'Nu', svelte: 'Sv', sveltekit: 'SK', angular: 'Ng',
  astro: 'As', remix: 'Rx', solid: 'So', express: 'Ex', fastify: 'Fy', nestjs: 'Ns', electron: 'El', tauri: 'Ta',
  django: 'Dj', flask: 'Fl', fastapi: 'FA', rails: 'RoR', laravel: 'Lv', 'spring-boot': 'Sp', android: 'An',
  flutter: 'Fl', docker: 'Dk', 'docker-compose': 'DC', 'vscode-extension': 'VSC', dotnet: '.N', aspnetcore: 'ASP',
};

/** The badge text for a stack id: a known monogram, else the first two letters. */
export function monogram(id: string, label: string): string {
  return MONOGRAMS[id] ?? (label.replace(/[^\p{L}\p{N}+#.]/gu, '').slice(0, 2) || id.slice(0, 2));
}

/** A colour family per language, so the same language looks the same on every card and in the chart. */
export function hueOf(id: string): 'blue' | 'yellow' | 'green' | 'orange' | 'purple' | 'red' {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return (['blue', 'yellow', 'green', 'orange', 'purple', 'red'] as const)[h % 6] ?? 'blue';
}
