/**
 * The environment a project's process starts with: the server's own, without what VS Code set for its
 * extension host (ELECTRON_RUN_AS_NODE would turn an Electron app into plain Node; VSCODE_* are VS Code's
 * private handles), plus the project's .env values where the environment does not set them already — the
 * rule dotenv loaders follow.
 */
export function childEnv(base: NodeJS.ProcessEnv, dotenv: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (key === 'ELECTRON_RUN_AS_NODE' || key.startsWith('VSCODE_')) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(dotenv)) if (env[key] === undefined) env[key] = value;
  env.FORCE_COLOR ??= '1'; // colours, even where a tool does not see the pty
  return env;
}
