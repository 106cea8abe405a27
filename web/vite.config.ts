import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * `virtual:iso-numeric` exports `{ [ccn3]: cca3 }` built from world-countries at build time, so
 * the map ships a 3 kB table instead of the package's 1.4 MB JSON.
 */
function isoNumeric(): Plugin {
  const id = 'virtual:iso-numeric';
  return {
    name: 'faultline-iso-numeric',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const file = require.resolve('world-countries/countries.json');
      const countries = JSON.parse(readFileSync(file, 'utf8')) as { ccn3: string; cca3: string }[];
      const table: Record<string, string> = {};
      for (const c of countries) if (c.ccn3) table[c.ccn3] = c.cca3;
      return `export default ${JSON.stringify(table)};`;
    },
  };
}

/** The dashboard: root `web/`, built into `dist/web` at the repository root. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [preact(), isoNumeric()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev`-style work: the API from `faultline serve --port 8790`.
    proxy: { '/api': 'http://127.0.0.1:8790' },
  },
});
