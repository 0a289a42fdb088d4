// One build script, three targets: the extension host bundle, the headless CLI and the dashboard webview.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  logOverride: { 'import-is-undefined': 'error' },
};

const targets = [
  { ...node, entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: { 'test-server': 'test/server/main.ts' }, outdir: 'dist' },
];
if (existsSync('webview/main.ts')) {
  targets.push({
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: !production, minify: production,
    entryPoints: { dashboard: 'webview/main.ts' }, outdir: 'dist/webview', logLevel: 'info',
  });
  // A production build (what a VSIX ships, dist/webview/** included) must not carry source maps of an earlier dev build.
  if (production) rmSync('dist/webview', { recursive: true, force: true });
  mkdirSync('dist/webview', { recursive: true });
  // The element library is loaded as its own ES module. It is copied next to the page bundle because the webview
  // may only load files under dist/webview (localResourceRoots); node_modules is outside it.
  copyFileSync('node_modules/@vscode-elements/elements/dist/bundled.js', 'dist/webview/vscode-elements.js');
}

const present = targets.filter((t) => Object.values(t.entryPoints).every((p) => existsSync(p)));
if (watch) {
  for (const t of present) await (await esbuild.context(t)).watch();
} else {
  await Promise.all(present.map((t) => esbuild.build(t)));
}
