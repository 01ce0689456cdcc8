import type { Detector } from './detector';

const DOCKERFILES = ['Dockerfile', 'Containerfile'];
const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/**
 * Containers are reported as frameworks (`docker`, `docker-compose`): they shape how a project is built and run,
 * like a framework, but install nothing into it, so they are not package managers; languages are left to the
 * detectors that read real manifests.
 */
export const dockerDetector: Detector = {
  id: 'docker',
  applies: (names) => [...DOCKERFILES, ...COMPOSE_FILES].some((n) => names.has(n)) || [...names].some((n) => n.endsWith('.dockerfile')),
  async detect(ctx) {
    const has = (files: readonly string[]): boolean => files.some((f) => ctx.names.has(f));
    const dockerfile = has(DOCKERFILES) || [...ctx.names].some((n) => n.endsWith('.dockerfile'));
    return { frameworks: [...(dockerfile ? ['docker'] : []), ...(has(COMPOSE_FILES) ? ['docker-compose'] : [])] };
  },
};
