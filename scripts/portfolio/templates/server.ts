import { buildOutput, nodeModules } from '../heavy/node';
import type { Template } from '../types';
import { RUN, nodeFiles, readme, stack } from './common';

export const express: Template = {
  id: 'express',
  suffix: 'api',
  stack: stack(['javascript'], ['express'], ['yarn']),
  heavy: [nodeModules(['express', 'cors', 'dotenv'])],
  ignore: ['.env'],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'yarn',
      deps: { express: '^4.21.1', cors: '^2.8.5', dotenv: '^16.4.5' },
      devDeps: { nodemon: '^3.1.7' },
      scripts: { dev: 'nodemon src/index.js', start: 'node src/index.js', test: 'node --test' },
    }),
    'README.md': readme(name, 'A small Express REST API.', RUN.yarn),
    'src/index.js': "import express from 'express';\nimport cors from 'cors';\nimport { users } from './routes/users.js';\n\nconst app = express();\napp.use(cors());\napp.use('/users', users);\napp.listen(process.env.PORT ?? 3000);\n",
    'src/routes/users.js': "import { Router } from 'express';\n\nexport const users = Router();\nusers.get('/', (_req, res) => res.json([]));\n",
    'test/users.test.js': "import { test } from 'node:test';\n\ntest('users', () => {});\n",
  }),
};

export const fastify: Template = {
  id: 'fastify',
  suffix: 'gateway',
  stack: stack(['typescript'], ['fastify'], ['bun']),
  heavy: [nodeModules(['fastify', '@fastify/cors']), buildOutput('dist', [''], 5, 20)],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'bun',
      typescript: true,
      deps: { fastify: '^5.1.0', '@fastify/cors': '^10.0.1' },
      devDeps: { '@types/bun': '^1.1.13' },
      scripts: { dev: 'bun --watch src/server.ts', build: 'tsc' },
    }),
    'README.md': readme(name, 'A Fastify gateway running on Bun.', RUN.bun),
    'src/server.ts': "import Fastify from 'fastify';\nimport { health } from './routes/health';\n\nconst app = Fastify({ logger: true });\napp.register(health);\nawait app.listen({ port: 3000 });\n",
    'src/routes/health.ts': "import type { FastifyInstance } from 'fastify';\n\nexport async function health(app: FastifyInstance) {\n  app.get('/health', async () => ({ ok: true }));\n}\n",
  }),
};

export const nestjs: Template = {
  id: 'nestjs',
  suffix: 'service',
  stack: stack(['typescript'], ['nestjs'], ['npm']),
  heavy: [nodeModules(['@nestjs/core', '@nestjs/common', '@nestjs/platform-express', 'reflect-metadata', 'rxjs']), buildOutput('dist', ['', 'users'], 10, 30)],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'npm',
      typescript: true,
      deps: { '@nestjs/core': '^10.4.7', '@nestjs/common': '^10.4.7', '@nestjs/platform-express': '^10.4.7', 'reflect-metadata': '^0.2.2', rxjs: '^7.8.1' },
      devDeps: { '@nestjs/cli': '^10.4.7' },
      scripts: { build: 'nest build', start: 'nest start', 'start:dev': 'nest start --watch' },
    }),
    'README.md': readme(name, 'A NestJS service.', 'npm install\nnpm run start:dev'),
    'nest-cli.json': '{\n  "collection": "@nestjs/schematics",\n  "sourceRoot": "src"\n}\n',
    'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nconst app = await NestFactory.create(AppModule);\nawait app.listen(3000);\n",
    'src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { AppController } from './app.controller';\nimport { AppService } from './app.service';\n\n@Module({ controllers: [AppController], providers: [AppService] })\nexport class AppModule {}\n",
    'src/app.controller.ts': "import { Controller, Get } from '@nestjs/common';\nimport { AppService } from './app.service';\n\n@Controller()\nexport class AppController {\n  constructor(private readonly app: AppService) {}\n\n  @Get()\n  hello() {\n    return this.app.hello();\n  }\n}\n",
    'src/app.service.ts': "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class AppService {\n  hello() {\n    return 'Hello';\n  }\n}\n",
  }),
};

export const electron: Template = {
  id: 'electron',
  suffix: 'desktop',
  stack: stack(['typescript'], ['electron'], ['npm']),
  heavy: [nodeModules(['electron', 'electron-builder'], 100, 160), buildOutput('out', ['', 'renderer'], 10, 30)],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'npm',
      typescript: true,
      deps: {},
      devDeps: { electron: '^33.2.0', 'electron-builder': '^25.1.8' },
      scripts: { start: 'tsc && electron .', dist: 'electron-builder' },
      extra: { main: 'out/main.js' },
    }),
    'README.md': readme(name, 'An Electron desktop app.', 'npm install\nnpm start'),
    'index.html': `<!doctype html>\n<html><body><h1>${name}</h1></body></html>\n`,
    'src/main.ts': "import { app, BrowserWindow } from 'electron';\n\napp.whenReady().then(() => new BrowserWindow().loadFile('index.html'));\n",
    'src/preload.ts': "import { contextBridge } from 'electron';\n\ncontextBridge.exposeInMainWorld('versions', process.versions);\n",
  }),
};

export const vscodeExtension: Template = {
  id: 'vscode-extension',
  suffix: 'vscode',
  stack: stack(['typescript'], ['vscode-extension'], ['npm']),
  ignore: ['*.vsix'],
  heavy: [nodeModules(['@types/vscode', '@vscode/vsce', 'esbuild'], 40, 90), buildOutput('out', [''], 5, 15)],
  files: (name) => ({
    ...nodeFiles(name, {
      pm: 'npm',
      typescript: true,
      deps: {},
      devDeps: { '@types/vscode': '^1.90.0', '@vscode/vsce': '^3.2.1', esbuild: '^0.24.0' },
      scripts: { compile: 'esbuild src/extension.ts --bundle --outdir=out --external:vscode --platform=node', package: 'vsce package' },
      extra: {
        displayName: name,
        publisher: 'sample',
        engines: { vscode: '^1.90.0' },
        main: './out/extension.js',
        activationEvents: [],
        contributes: { commands: [{ command: `${name}.hello`, title: 'Hello' }] },
      },
    }),
    'README.md': readme(name, 'A VS Code extension.', 'npm install\nnpm run compile'),
    '.vscodeignore': 'src/**\nnode_modules/**\n',
    '.vscode/launch.json': '{\n  "version": "0.2.0",\n  "configurations": [{ "name": "Run Extension", "type": "extensionHost", "request": "launch" }]\n}\n',
    'src/extension.ts': `import * as vscode from 'vscode';\n\nexport function activate(context: vscode.ExtensionContext) {\n  context.subscriptions.push(vscode.commands.registerCommand('${name}.hello', () => vscode.window.showInformationMessage('Hello')));\n}\n`,
  }),
};
