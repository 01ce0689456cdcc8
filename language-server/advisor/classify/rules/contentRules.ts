import type { ClassifyFacts } from '../classifyFacts';
import { depRule, fileRule } from '../rule';
import type { Rule } from '../rule';

/** Files that only exist in a project with a manifest of some ecosystem: without any, index.html is the site. */
const ANY_MANIFEST = ['package.json', 'pyproject.toml', 'requirements.txt', 'Cargo.toml', 'go.mod', 'Gemfile', 'composer.json', 'pubspec.yaml', 'pom.xml', 'build.gradle', 'build.gradle.kts'];

export const CONTENT_RULES: readonly Rule[] = [
  depRule('ssg-npm', 'static-site', 0.9, 'npm', ['@docusaurus/core', '@11ty/eleventy', 'vitepress', 'vuepress', '@vuepress/core', 'hexo', '@astrojs/starlight', 'nextra'], 'any', 'a static site generator'),
  depRule('astro', 'static-site', 0.85, 'npm', ['astro'], 'any', 'Astro builds static sites by default'),
  depRule('gatsby', 'static-site', 0.85, 'npm', ['gatsby'], 'any', 'Gatsby builds static sites'),
  depRule('ssg-python', 'static-site', 0.9, 'pypi', ['mkdocs', 'mkdocs-material', 'pelican', 'lektor'], 'any', 'a static site generator'),
  depRule('sphinx', 'static-site', 0.6, 'pypi', ['sphinx'], 'any', 'Sphinx builds documentation sites'),
  depRule('ssg-ruby', 'static-site', 0.9, 'rubygems', ['jekyll', 'middleman', 'nanoc', 'bridgetown'], 'any', 'a static site generator'),
  fileRule('ssg-config', 'static-site', 0.9, ['hugo.toml', 'hugo.yaml', 'hugo.json', 'mkdocs.yml', 'mkdocs.yaml', 'docusaurus.config.js', 'docusaurus.config.ts', '.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'book.toml'], 'the configuration of a static site generator'),
  fileRule('vitepress-folder', 'static-site', 0.8, ['docs/.vitepress', '.vitepress', '.vuepress'], 'a VitePress/VuePress site'),
  { id: 'hugo-layout', type: 'static-site', weight: 0.75, test: (f) => layout(f, 'config.toml', ['content', 'themes', 'archetypes', 'layouts'], 'the layout of a Hugo or Zola site') },
  { id: 'jekyll-layout', type: 'static-site', weight: 0.85, test: (f) => layout(f, '_config.yml', ['_posts', '_layouts', '_includes'], 'the layout of a Jekyll site') },
  {
    id: 'plain-html', type: 'static-site', weight: 0.5,
    test: (f) => (f.names.has('index.html') && !ANY_MANIFEST.some((m) => f.names.has(m)) ? 'index.html exists and there is no build manifest: a hand-written static site' : null),
  },
  { id: 'notebook', type: 'data-ml', weight: 0.6, test: (f) => (f.notebooks.length > 0 ? `${f.notebooks[0]} is a Jupyter notebook` : null) },
  { id: 'notebooks', type: 'data-ml', weight: 0.5, test: (f) => (f.notebooks.length >= 3 ? `${f.notebooks.length >= 5 ? '5 or more' : f.notebooks.length} Jupyter notebooks (${f.notebooks.slice(0, 3).join(', ')}, ...)` : null) },
  depRule('ml-python', 'data-ml', 0.7, 'pypi', ['torch', 'tensorflow', 'keras', 'scikit-learn', 'sklearn', 'transformers', 'xgboost', 'lightgbm', 'catboost', 'jax', 'lightning', 'pytorch-lightning', 'sentence-transformers', 'diffusers', 'spacy', 'statsmodels', 'prophet'], 'any', 'a machine learning library'),
  depRule('data-python', 'data-ml', 0.4, 'pypi', ['pandas', 'polars', 'numpy', 'scipy', 'matplotlib', 'seaborn', 'plotly', 'jupyter', 'jupyterlab', 'notebook', 'ipykernel'], 'any', 'a data analysis library'),
  depRule('data-app', 'data-ml', 0.6, 'pypi', ['streamlit', 'gradio', 'dash'], 'runtime', 'a data app framework'),
  depRule('ml-other', 'data-ml', 0.6, 'npm', ['@tensorflow/tfjs', '@tensorflow/tfjs-node', 'onnxruntime-node', '@xenova/transformers', '@huggingface/transformers'], 'runtime', 'a machine learning library'),
  depRule('ml-rust', 'data-ml', 0.6, 'cargo', ['candle-core', 'burn', 'tch', 'linfa', 'polars'], 'runtime', 'a machine learning or data library'),
  fileRule('ml-pipeline', 'data-ml', 0.6, ['dvc.yaml', 'MLproject'], 'a data or ML pipeline definition'),
  fileRule('godot', 'game', 0.95, ['project.godot'], 'a Godot project'),
  fileRule('unity', 'game', 0.95, ['ProjectSettings/ProjectVersion.txt'], 'a Unity project'),
  { id: 'unreal', type: 'game', weight: 0.95, test: (f) => { const p = [...f.names].find((n) => n.endsWith('.uproject')); return p ? `${p} exists: an Unreal Engine project` : null; } },
  depRule('game-npm', 'game', 0.85, 'npm', ['phaser', 'excalibur', 'kaplay', 'kaboom', 'melonjs', 'playcanvas', 'kontra', 'littlejsengine'], 'any', 'a game engine'),
  depRule('game-npm-render', 'game', 0.5, 'npm', ['pixi.js', '@babylonjs/core'], 'runtime', 'a 2D/3D engine often used for games'),
  depRule('game-python', 'game', 0.85, 'pypi', ['pygame', 'pygame-ce', 'arcade', 'ursina', 'panda3d', 'pyxel'], 'runtime', 'a game engine'),
  depRule('game-rust', 'game', 0.9, 'cargo', ['bevy', 'macroquad', 'ggez', 'fyrox', 'piston*', 'amethyst', 'comfy'], 'runtime', 'a game engine'),
  depRule('game-go', 'game', 0.9, 'go', ['github.com/hajimehoshi/ebiten*', 'github.com/gen2brain/raylib-go*'], 'runtime', 'a game engine'),
  depRule('game-dart', 'game', 0.9, 'pub', ['flame', 'bonfire'], 'runtime', 'a game engine'),
  depRule('game-dotnet', 'game', 0.9, 'nuget', ['monogame.framework*'], 'runtime', 'MonoGame'),
  depRule('game-java', 'game', 0.9, 'maven', ['com.badlogicgames.gdx:*'], 'any', 'libGDX'),
  fileRule('love2d', 'game', 0.7, ['conf.lua'], 'a LÖVE game configuration'),
];

function layout(f: ClassifyFacts, config: string, folders: readonly string[], why: string): string | null {
  if (!f.names.has(config)) return null;
  const present = folders.filter((d) => f.names.has(d));
  return present.length > 0 ? `${config} with ${present.map((d) => `${d}/`).join(', ')}: ${why}` : null;
}
