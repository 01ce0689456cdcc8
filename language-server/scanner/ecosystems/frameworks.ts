/**
 * Frameworks recognised from what a project depends on. Adding one is one row: [ecosystem, signal, framework].
 * A signal is a dependency name as the manifest writes it (Maven/Gradle: `group:artifact`), or a tagged fact a
 * detector reports: `plugin:<id>` (Gradle/Maven plugins), `parent:<group:artifact>` (Maven parent POM),
 * `engines:vscode` (package.json), `sdk:<name>` (.NET project SDK, pubspec SDK dependency).
 * A signal ending in `*` matches by prefix (Go modules carry a `/vN` suffix, Spring Boot has many starters).
 */
export type Ecosystem = 'npm' | 'pypi' | 'cargo' | 'go' | 'maven' | 'rubygems' | 'packagist' | 'nuget' | 'pub' | 'hex' | 'swift';

const RULES: readonly (readonly [Ecosystem, string, string])[] = [
  ['npm', 'react', 'react'],
  ['npm', 'react-native', 'react-native'],
  ['npm', 'next', 'next'],
  ['npm', 'vue', 'vue'],
  ['npm', 'nuxt', 'nuxt'],
  ['npm', 'nuxt3', 'nuxt'],
  ['npm', 'svelte', 'svelte'],
  ['npm', '@sveltejs/kit', 'sveltekit'],
  ['npm', '@angular/core', 'angular'],
  ['npm', 'express', 'express'],
  ['npm', 'fastify', 'fastify'],
  ['npm', 'koa', 'koa'],
  ['npm', 'hono', 'hono'],
  ['npm', '@nestjs/core', 'nestjs'],
  ['npm', '@remix-run/react', 'remix'],
  ['npm', 'astro', 'astro'],
  ['npm', 'solid-js', 'solid'],
  ['npm', 'electron', 'electron'],
  ['npm', 'engines:vscode', 'vscode-extension'],
  ['pypi', 'django', 'django'],
  ['pypi', 'flask', 'flask'],
  ['pypi', 'fastapi', 'fastapi'],
  ['pypi', 'streamlit', 'streamlit'],
  ['cargo', 'actix-web', 'actix-web'],
  ['cargo', 'axum', 'axum'],
  ['cargo', 'rocket', 'rocket'],
  ['cargo', 'tauri', 'tauri'],
  ['go', 'github.com/gin-gonic/gin', 'gin'],
  ['go', 'github.com/labstack/echo*', 'echo'],
  ['go', 'github.com/gofiber/fiber*', 'fiber'],
  ['maven', 'org.springframework.boot:*', 'spring-boot'],
  ['maven', 'plugin:org.springframework.boot*', 'spring-boot'],
  ['maven', 'parent:org.springframework.boot:*', 'spring-boot'],
  ['maven', 'io.quarkus:*', 'quarkus'],
  ['maven', 'io.micronaut:*', 'micronaut'],
  ['maven', 'io.ktor:*', 'ktor'],
  ['maven', 'plugin:com.android.application', 'android'],
  ['maven', 'plugin:com.android.library', 'android'],
  ['rubygems', 'rails', 'rails'],
  ['rubygems', 'railties', 'rails'],
  ['rubygems', 'sinatra', 'sinatra'],
  ['packagist', 'laravel/framework', 'laravel'],
  ['packagist', 'symfony/framework-bundle', 'symfony'],
  ['nuget', 'sdk:Microsoft.NET.Sdk.Web', 'aspnetcore'],
  ['nuget', 'sdk:Microsoft.NET.Sdk.BlazorWebAssembly', 'blazor'],
  ['pub', 'flutter', 'flutter'],
  ['pub', 'sdk:flutter', 'flutter'],
  ['hex', 'phoenix', 'phoenix'],
  ['swift', 'vapor', 'vapor'],
];

/** Framework ids for the given signals, sorted and without duplicates. Python names compare normalised (PEP 503). */
export function frameworksFor(ecosystem: Ecosystem, signals: Iterable<string>): string[] {
  const have = new Set([...signals].map((s) => normalise(ecosystem, s)));
  const found = new Set<string>();
  for (const [eco, signal, framework] of RULES) {
    if (eco === ecosystem && matches(have, normalise(eco, signal))) found.add(framework);
  }
  return [...found].sort();
}

function matches(have: ReadonlySet<string>, signal: string): boolean {
  if (!signal.endsWith('*')) return have.has(signal);
  const prefix = signal.slice(0, -1);
  for (const name of have) if (name.startsWith(prefix)) return true;
  return false;
}

function normalise(ecosystem: Ecosystem, name: string): string {
  if (ecosystem === 'pypi') return normalisePythonName(name);
  return ecosystem === 'nuget' ? name.toLowerCase() : name;
}

/** PEP 503: `Django`, `django_rest` and `django.rest` name the same project as `django`, `django-rest`. */
export function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
