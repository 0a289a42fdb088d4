// One build script, three targets: the extension host bundle, the headless CLI and the dashboard webview.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

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
}

const present = targets.filter((t) => Object.values(t.entryPoints).every((p) => existsSync(p)));
if (watch) {
  for (const t of present) await (await esbuild.context(t)).watch();
} else {
  await Promise.all(present.map((t) => esbuild.build(t)));
}
