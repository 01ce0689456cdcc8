import { buildOutput, nodeModules } from '../heavy/node';
import type { Template } from '../types';
import { RUN, nodeFiles, readme, stack } from './common';

const html = (title: string, entry: string): string =>
  `<!doctype html>\n<html lang="en">\n  <head><meta charset="UTF-8" /><title>${title}</title></head>\n  <body>\n    <div id="app"></div>\n    <script type="module" src="${entry}"></script>\n  </body>\n</html>\n`;

export const reactVite: Template = {
  id: 'react-vite',
  suffix: 'web',
  stack: stack(['typescript'], ['react'], ['npm']),
  heavy: [nodeModules(['react', 'react-dom', 'vite', '@vitejs/plugin-react', '@types/react']), buildOutput('dist', ['assets', ''])],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'npm',
      typescript: true,
      deps: { react: '^18.3.1', 'react-dom': '^18.3.1' },
      devDeps: { vite: '^5.4.10', '@vitejs/plugin-react': '^4.3.3', '@types/react': '^18.3.12' },
      scripts: { dev: 'vite', build: 'tsc && vite build', preview: 'vite preview' },
    }),
    'README.md': readme(name, 'A React single-page app built with Vite.', RUN.npm),
    'index.html': html(name, '/src/main.tsx'),
    'vite.config.ts': "import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\n\nexport default defineConfig({ plugins: [react()] });\n",
    'src/main.tsx': "import { createRoot } from 'react-dom/client';\nimport { App } from './App';\n\ncreateRoot(document.getElementById('app')!).render(<App />);\n",
    'src/App.tsx': `export function App() {\n  return <h1>${name}</h1>;\n}\n`,
    'src/App.css': 'h1 { font-family: system-ui; }\n',
  }),
};

export const next: Template = {
  id: 'next',
  suffix: 'site',
  stack: stack(['typescript'], ['next', 'react'], ['pnpm']),
  ignore: ['next-env.d.ts'],
  heavy: [nodeModules(['next', 'react', 'react-dom', '@types/react']), buildOutput('.next', ['cache/webpack', 'server/app', 'static/chunks'], 60, 160)],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'pnpm',
      typescript: true,
      deps: { next: '^15.0.3', react: '^19.0.0', 'react-dom': '^19.0.0' },
      devDeps: { '@types/react': '^19.0.1' },
      scripts: { dev: 'next dev', build: 'next build', start: 'next start' },
    }),
    'README.md': readme(name, 'A Next.js site using the app router.', RUN.pnpm),
    'next.config.mjs': 'const nextConfig = {};\nexport default nextConfig;\n',
    'app/layout.tsx': 'export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
    'app/page.tsx': `export default function Page() {\n  return <main>${name}</main>;\n}\n`,
  }),
};

export const vue: Template = {
  id: 'vue',
  suffix: 'dashboard',
  stack: stack(['typescript'], ['vue'], ['yarn']),
  heavy: [nodeModules(['vue', 'vite', '@vitejs/plugin-vue']), buildOutput('dist', ['assets'])],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'yarn',
      typescript: true,
      deps: { vue: '^3.5.12' },
      devDeps: { vite: '^5.4.10', '@vitejs/plugin-vue': '^5.1.4' },
      scripts: { dev: 'vite', build: 'vue-tsc && vite build' },
    }),
    'README.md': readme(name, 'A Vue 3 dashboard.', RUN.yarn),
    'index.html': html(name, '/src/main.ts'),
    'vite.config.ts': "import { defineConfig } from 'vite';\nimport vue from '@vitejs/plugin-vue';\n\nexport default defineConfig({ plugins: [vue()] });\n",
    'src/main.ts': "import { createApp } from 'vue';\nimport App from './App.vue';\n\ncreateApp(App).mount('#app');\n",
    'src/App.vue': `<script setup lang="ts">\nimport HelloWorld from './components/HelloWorld.vue';\n</script>\n\n<template>\n  <HelloWorld msg="${name}" />\n</template>\n`,
    'src/components/HelloWorld.vue': '<script setup lang="ts">\ndefineProps<{ msg: string }>();\n</script>\n\n<template>\n  <h1>{{ msg }}</h1>\n</template>\n',
  }),
};

export const nuxt: Template = {
  id: 'nuxt',
  suffix: 'shop',
  stack: stack(['typescript'], ['nuxt', 'vue'], ['pnpm']),
  heavy: [nodeModules(['nuxt', 'vue']), buildOutput('.nuxt', ['', 'components', 'types'], 20, 50), buildOutput('.output', ['public', 'server/chunks'])],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'pnpm',
      deps: { nuxt: '^3.14.0', vue: '^3.5.12' },
      scripts: { dev: 'nuxt dev', build: 'nuxt build', postinstall: 'nuxt prepare' },
    }),
    'tsconfig.json': '{\n  "extends": "./.nuxt/tsconfig.json"\n}\n',
    'README.md': readme(name, 'A Nuxt storefront.', RUN.pnpm),
    'nuxt.config.ts': "export default defineNuxtConfig({\n  devtools: { enabled: true },\n  compatibilityDate: '2024-11-01',\n});\n",
    'app.vue': '<template>\n  <NuxtPage />\n</template>\n',
    'pages/index.vue': `<template>\n  <h1>${name}</h1>\n</template>\n`,
    'server/api/hello.ts': "export default defineEventHandler(() => ({ hello: 'world' }));\n",
  }),
};

export const svelte: Template = {
  id: 'svelte',
  suffix: 'widgets',
  stack: stack(['typescript'], ['svelte'], ['bun']),
  heavy: [nodeModules(['svelte', 'vite', '@sveltejs/vite-plugin-svelte']), buildOutput('dist', ['assets'])],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'bun',
      typescript: true,
      deps: {},
      devDeps: { svelte: '^5.1.9', vite: '^5.4.10', '@sveltejs/vite-plugin-svelte': '^4.0.0' },
      scripts: { dev: 'vite', build: 'vite build' },
    }),
    'README.md': readme(name, 'Svelte widgets bundled with Vite.', RUN.bun),
    'index.html': html(name, '/src/main.ts'),
    'svelte.config.js': "import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';\n\nexport default { preprocess: vitePreprocess() };\n",
    'vite.config.ts': "import { defineConfig } from 'vite';\nimport { svelte } from '@sveltejs/vite-plugin-svelte';\n\nexport default defineConfig({ plugins: [svelte()] });\n",
    'src/main.ts': "import { mount } from 'svelte';\nimport App from './App.svelte';\n\nmount(App, { target: document.getElementById('app')! });\n",
    'src/App.svelte': `<script lang="ts">\n  let count = $state(0);\n</script>\n\n<button onclick={() => count++}>${name}: {count}</button>\n`,
  }),
};

export const angular: Template = {
  id: 'angular',
  suffix: 'portal',
  stack: stack(['typescript'], ['angular'], ['npm']),
  heavy: [nodeModules(['@angular/core', '@angular/common', '@angular/router', 'rxjs', 'zone.js']), buildOutput('dist', ['browser']), buildOutput('.angular', ['cache/18.2.0/vite'], 20, 50)],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'npm',
      typescript: true,
      deps: { '@angular/core': '^18.2.0', '@angular/common': '^18.2.0', '@angular/router': '^18.2.0', '@angular/platform-browser': '^18.2.0', rxjs: '~7.8.0', 'zone.js': '~0.14.10' },
      devDeps: { '@angular/cli': '^18.2.11', '@angular/build': '^18.2.11' },
      scripts: { start: 'ng serve', build: 'ng build', test: 'ng test' },
    }),
    'README.md': readme(name, 'An Angular portal.', 'npm install\nnpm start'),
    'angular.json': `${JSON.stringify({ version: 1, projects: { [name]: { projectType: 'application', root: '', sourceRoot: 'src' } } }, null, 2)}\n`,
    'src/main.ts': "import { bootstrapApplication } from '@angular/platform-browser';\nimport { AppComponent } from './app/app.component';\n\nbootstrapApplication(AppComponent);\n",
    'src/app/app.component.ts': `import { Component } from '@angular/core';\n\n@Component({ selector: 'app-root', standalone: true, template: '<h1>${name}</h1>' })\nexport class AppComponent {}\n`,
    'src/app/app.routes.ts': "import { Routes } from '@angular/router';\n\nexport const routes: Routes = [];\n",
  }),
};
