import type { Template } from '../types';
import { dockerOnly, dotnet, flutter, gradleKotlin, laravel, phoenix, rails, springMaven } from './platforms';
import { django, fastapi, flask, uvProject } from './python';
import { electron, express, fastify, nestjs, vscodeExtension } from './server';
import { actix, axum, cpp, gin, swift } from './systems';
import { angular, next, nuxt, reactVite, svelte, vue } from './web';
import { cargoWorkspace, goWork, npmMonorepo } from './workspaces';

/** Projects cycle through these; the first dozen are as varied as possible, for the README's small portfolio. */
export const TEMPLATES: readonly Template[] = [
  reactVite, django, axum, gin, springMaven, npmMonorepo, nestjs, rails, dockerOnly, vscodeExtension, fastapi, laravel,
  next, flask, actix, goWork, gradleKotlin, vue, dotnet, flutter, express, phoenix, svelte, swift,
  nuxt, cpp, angular, uvProject, fastify, cargoWorkspace, electron,
];
