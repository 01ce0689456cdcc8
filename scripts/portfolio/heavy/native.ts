import type { Rng } from '../rng';
import type { FileMap, HeavyTree } from '../types';

const PY = ['requests', 'urllib3', 'certifi', 'idna', 'charset_normalizer', 'click', 'jinja2', 'markupsafe', 'werkzeug',
  'itsdangerous', 'pydantic', 'pydantic_core', 'typing_extensions', 'annotated_types', 'anyio', 'sniffio', 'h11',
  'httpx', 'httpcore', 'starlette', 'uvicorn', 'sqlalchemy', 'greenlet', 'alembic', 'pytest', 'pluggy', 'iniconfig',
  'packaging', 'six', 'dateutil', 'pytz', 'yaml', 'rich', 'pygments', 'attrs', 'asgiref', 'sqlparse', 'setuptools', 'pip'];
const CRATES = ['serde', 'serde_json', 'tokio', 'mio', 'bytes', 'futures', 'hyper', 'http', 'tower', 'tracing', 'log',
  'regex', 'memchr', 'once_cell', 'libc', 'syn', 'quote', 'proc_macro2', 'unicode_ident', 'itoa', 'ryu', 'smallvec',
  'parking_lot', 'socket2', 'pin_project', 'anyhow', 'thiserror', 'clap', 'rand', 'cfg_if'];
const GEMS = ['rack', 'actionpack', 'activerecord', 'activesupport', 'railties', 'nokogiri', 'puma', 'thor', 'i18n',
  'concurrent-ruby', 'tzinfo', 'zeitwerk', 'minitest', 'bootsnap', 'msgpack', 'sprockets', 'mail', 'loofah'];
const PHP = ['laravel/framework', 'symfony/console', 'symfony/http-kernel', 'symfony/routing', 'monolog/monolog',
  'nesbot/carbon', 'guzzlehttp/guzzle', 'psr/log', 'psr/container', 'vlucas/phpdotenv', 'phpunit/phpunit',
  'doctrine/inflector', 'league/flysystem', 'ramsey/uuid', 'nikic/php-parser'];
const HEX = ['mime', 'plug', 'plug_crypto', 'phoenix', 'phoenix_html', 'phoenix_pubsub', 'telemetry', 'jason',
  'castore', 'bandit', 'thousand_island', 'websock', 'ecto', 'decimal', 'db_connection'];
const SWIFT = ['swift-argument-parser', 'swift-log', 'swift-nio', 'swift-collections', 'swift-atomics'];

/** `count` names from `pool` starting at a random place. */
function some(rng: Rng, pool: string[], min: number, max: number): string[] {
  const start = rng.int(0, pool.length - 1);
  return Array.from({ length: Math.min(pool.length, rng.int(min, max)) }, (_, i) => pool[(start + i) % pool.length] as string);
}

function spread(files: FileMap, dir: string, names: string[], ext: string, text: string): void {
  for (const n of names) files[`${dir}/${n}.${ext}`] = text;
}

const numbered = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

export function pythonVenv(): HeavyTree {
  return {
    ignore: '.venv/',
    generate(rng) {
      const site = '.venv/lib/python3.12/site-packages';
      const files: FileMap = { '.venv/pyvenv.cfg': 'home = /usr/bin\nversion = 3.12.3\n', '.venv/.gitignore': '*\n' };
      spread(files, '.venv/bin', ['python', 'python3', 'pip', 'activate', 'activate.fish'], 'sh', '#!/bin/sh\n');
      for (const pkg of some(rng, PY, 25, 39)) {
        spread(files, `${site}/${pkg}`, ['__init__', ...numbered('mod', rng.int(3, 30))], 'py', '# module\n');
        const info = `${site}/${pkg}-${rng.int(1, 9)}.${rng.int(0, 30)}.0.dist-info`;
        for (const f of ['METADATA', 'RECORD', 'WHEEL', 'INSTALLER']) files[`${info}/${f}`] = `${f}\n`;
      }
      return files;
    },
  };
}

export function cargoTarget(): HeavyTree {
  return {
    ignore: 'target/',
    generate(rng) {
      const files: FileMap = { 'target/CACHEDIR.TAG': 'Signature: 8a477f597d28d172789f06886806bc55\n', 'target/.rustc_info.json': '{}\n' };
      for (const crate of some(rng, CRATES, 15, 30)) {
        const id = `${crate}-${rng.hex(16)}`;
        for (const ext of ['rlib', 'rmeta', 'd']) files[`target/debug/deps/lib${id}.${ext}`] = `${crate}\n`;
        for (const f of ['lib', 'lib.json', 'dep-lib', 'invoked.timestamp']) files[`target/debug/.fingerprint/${id}/${f}-${crate}`] = '0\n';
        if (rng.chance(0.3)) files[`target/debug/build/${id}/output`] = 'cargo:rerun-if-changed=build.rs\n';
      }
      spread(files, `target/debug/incremental/app-${rng.hex(12)}`, numbered('s-', rng.int(50, 150)), 'bin', '\n');
      return files;
    },
  };
}

export function jvmBuild(dir: 'target' | 'build', lang: 'java' | 'kotlin'): HeavyTree {
  return {
    ignore: `${dir}/`,
    generate(rng) {
      const classes = dir === 'target' ? 'target/classes' : `build/classes/${lang}/main`;
      const files: FileMap = {};
      for (const pkg of ['api', 'domain', 'service', 'config', 'repository']) {
        spread(files, `${classes}/com/example/app/${pkg}`, numbered('Type', rng.int(5, 20)), 'class', '\u00ca\n');
      }
      files[`${dir}/${dir === 'target' ? '' : 'libs/'}app-0.1.0.jar`] = 'PK\n';
      spread(files, `${dir}/${dir === 'target' ? 'maven-status' : 'tmp/compile'}`, numbered('list', rng.int(3, 8)), 'lst', '\n');
      return files;
    },
  };
}

export function gradleCache(): HeavyTree {
  return {
    ignore: '.gradle/',
    generate: (rng) => {
      const files: FileMap = {};
      spread(files, '.gradle/8.10/executionHistory', numbered('part', rng.int(5, 15)), 'bin', '\n');
      spread(files, '.gradle/8.10/fileHashes', numbered('hash', rng.int(3, 8)), 'bin', '\n');
      return files;
    },
  };
}

export function composerVendor(): HeavyTree {
  return {
    ignore: '/vendor/',
    generate(rng) {
      const files: FileMap = { 'vendor/autoload.php': '<?php\n', 'vendor/composer/installed.json': '{"packages":[]}\n' };
      for (const pkg of some(rng, PHP, 12, 15)) {
        files[`vendor/${pkg}/composer.json`] = `${JSON.stringify({ name: pkg, type: 'library' }, null, 2)}\n`;
        spread(files, `vendor/${pkg}/src`, numbered('Class', rng.int(10, 60)), 'php', '<?php\n');
      }
      return files;
    },
  };
}

export function bundleVendor(): HeavyTree {
  return {
    ignore: '/vendor/bundle/',
    generate(rng) {
      const files: FileMap = {};
      const root = 'vendor/bundle/ruby/3.3.0';
      for (const gem of some(rng, GEMS, 10, 18)) {
        const dir = `${root}/gems/${gem}-${rng.int(1, 8)}.${rng.int(0, 9)}.${rng.int(0, 9)}`;
        spread(files, `${dir}/lib/${gem}`, numbered('part', rng.int(3, 30)), 'rb', '# frozen_string_literal: true\n');
        files[`${dir}/${gem}.gemspec`] = `Gem::Specification.new { |s| s.name = "${gem}" }\n`;
        if (rng.chance(0.3)) files[`${dir}/Gemfile`] = "source 'https://rubygems.org'\ngemspec\n";
        files[`${root}/specifications/${gem}.gemspec`] = '# spec\n';
      }
      return files;
    },
  };
}

export function dotnetOutput(dir: 'bin' | 'obj'): HeavyTree {
  return {
    ignore: `${dir}/`,
    generate(rng) {
      const files: FileMap = {};
      if (dir === 'obj') files['obj/project.assets.json'] = '{"version":3}\n';
      const names = ['Microsoft.Extensions.Logging', 'Microsoft.AspNetCore.OpenApi', 'Swashbuckle.AspNetCore', 'Serilog', 'Npgsql'];
      spread(files, `${dir}/Debug/net8.0`, [...names, ...numbered('App.Part', rng.int(10, 30))], 'dll', 'MZ\n');
      return files;
    },
  };
}

export function dartTool(): HeavyTree {
  return {
    ignore: '.dart_tool/',
    generate(rng) {
      const files: FileMap = { '.dart_tool/package_config.json': '{"configVersion":2,"packages":[]}\n' };
      spread(files, '.dart_tool/flutter_build', numbered('dep', rng.int(20, 60)), 'd', '\n');
      return files;
    },
  };
}

export function elixirDeps(): HeavyTree[] {
  const deps = (rng: Rng): string[] => some(rng, HEX, 8, 15);
  return [
    {
      ignore: '/deps/',
      generate(rng) {
        const files: FileMap = {};
        for (const dep of deps(rng)) {
          files[`deps/${dep}/mix.exs`] = `defmodule ${dep}.MixProject do\n  use Mix.Project\nend\n`;
          spread(files, `deps/${dep}/lib`, numbered('part', rng.int(3, 20)), 'ex', '# lib\n');
        }
        return files;
      },
    },
    {
      ignore: '/_build/',
      generate(rng) {
        const files: FileMap = {};
        for (const dep of deps(rng)) spread(files, `_build/dev/lib/${dep}/ebin`, numbered('Elixir.Part', rng.int(3, 20)), 'beam', '\n');
        return files;
      },
    },
  ];
}

export function swiftBuild(): HeavyTree {
  return {
    ignore: '.build/',
    generate(rng) {
      const files: FileMap = {};
      for (const pkg of some(rng, SWIFT, 3, 5)) {
        files[`.build/checkouts/${pkg}/Package.swift`] = '// swift-tools-version:5.9\nimport PackageDescription\n';
        spread(files, `.build/checkouts/${pkg}/Sources/${pkg}`, numbered('Part', rng.int(5, 25)), 'swift', '// source\n');
      }
      spread(files, '.build/debug/App.build', numbered('Part', rng.int(5, 15)), 'o', '\n');
      return files;
    },
  };
}

export function cmakeBuild(): HeavyTree {
  return {
    ignore: 'build/',
    generate(rng) {
      const files: FileMap = { 'build/CMakeCache.txt': '# CMake cache\n', 'build/Makefile': 'all:\n', 'build/cmake_install.cmake': '\n' };
      spread(files, 'build/CMakeFiles/app.dir/src', numbered('unit', rng.int(10, 40)), 'cpp.o', '\n');
      spread(files, 'build/CMakeFiles/3.28.3/CompilerIdCXX', numbered('id', rng.int(2, 6)), 'txt', '\n');
      return files;
    },
  };
}
