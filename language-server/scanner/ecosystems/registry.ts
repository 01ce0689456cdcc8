import { cmakeDetector } from './cmake';
import { dartDetector } from './dart';
import { denoDetector } from './deno';
import type { Detector } from './detector';
import { dockerDetector } from './docker';
import { dotnetDetector } from './dotnet';
import { elixirDetector } from './elixir';
import { goDetector } from './go';
import { gradleDetector } from './gradle';
import { makeDetector } from './make';
import { mavenDetector } from './maven';
import { nodeDetector } from './node';
import { phpDetector } from './php';
import { pythonDetector } from './python';
import { rubyDetector } from './ruby';
import { rustDetector } from './rust';
import { swiftDetector } from './swift';

/** Every kind of project Optimus recognises. A new ecosystem is one file in this folder and one line here. */
export const DETECTORS: readonly Detector[] = [
  nodeDetector, denoDetector, pythonDetector, rustDetector, goDetector, mavenDetector, gradleDetector, rubyDetector,
  phpDetector, dotnetDetector, dartDetector, elixirDetector, swiftDetector, cmakeDetector, makeDetector, dockerDetector,
];
