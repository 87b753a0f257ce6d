// Plain JavaScript: Vite loads its config with Node, which cannot import TypeScript from node_modules.
import { federation } from '@module-federation/vite';
import vue from '@vitejs/plugin-vue';
import { precompress } from './precompress.js';
import { preloadStart } from './preload-start.js';

export { precompress, precompressDir } from './precompress.js';
export { preloadStart, startFiles } from './preload-start.js';

/**
 * Shared singletons of the portal and every remote: each is fetched and evaluated once.
 * Element Plus is not listed: it lives inside @hyedu/ui, which re-exports only the components
 * the platform uses, so sharing @hyedu/ui shares one tree-shaken Element Plus.
 */
export const SHARED = {
  vue: { singleton: true, requiredVersion: '^3.5.0' },
  'vue-router': { singleton: true, requiredVersion: '^5.0.0' },
  pinia: { singleton: true, requiredVersion: '^4.0.0' },
  '@tanstack/vue-query': { singleton: true, requiredVersion: '^5.0.0' },
  '@hyedu/domain': { singleton: true, requiredVersion: '^0.1.0' },
  '@hyedu/ui': { singleton: true, requiredVersion: '^0.1.0' },
  '@hyedu/web': { singleton: true, requiredVersion: '^0.1.0' },
};

/**
 * In a built remote the workspace libraries come from the portal only (`import: false`): the federation plugin
 * would otherwise ship and fetch a remote's own copy of these source packages next to the shared one.
 * Run standalone (vite dev), a remote keeps its local copies.
 * @param {typeof SHARED} shared
 */
function hostProvided(shared) {
  return Object.fromEntries(
    Object.entries(shared).map(([k, v]) => [k, k.startsWith('@hyedu/') ? { ...v, import: /** @type {false} */ (false) } : v]),
  );
}

/** The API server the dev servers proxy /api (and, for the portal, /mf) to. */
const API_TARGET = process.env.HYEDU_API ?? 'http://127.0.0.1:3000';

/** @type {import('vite').UserConfig} */
const common = { build: { target: 'esnext', sourcemap: false, reportCompressedSize: false } };

/** The portal: the federation host. No remote URL is built in; remotes come from the registry at run time. */
/** @returns {import('vite').UserConfig} */
export function portalConfig() {
  return {
    ...common,
    plugins: [
      vue(),
      // The portal provides the federation runtime to every remote, so no remote ships its own copy.
      federation({ name: 'portal', remotes: {}, shared: SHARED, dts: false, experiments: { provideExternalRuntime: true } }),
      preloadStart({ early: ['src/session-probe.ts'] }),
      precompress(),
    ],
    server: { port: 5173, strictPort: true, proxy: { '/api': API_TARGET, '/mf': API_TARGET } },
    preview: { port: 5173, strictPort: true, proxy: { '/api': API_TARGET, '/mf': API_TARGET } },
  };
}

/**
 * A department module: a federation remote exposing './routes', served by the API server under
 * /mf/<key>/ (built with that base). `vite` alone runs it standalone at '/', proxying /api.
 */
/**
 * @param {{ key: string; name: string; port: number }} opts
 * @returns {(env: { command: 'build' | 'serve' }) => import('vite').UserConfig}
 */
export function remoteConfig(opts) {
  return ({ command }) => ({
    ...common,
    base: command === 'build' ? (process.env.REMOTE_BASE ?? `/mf/${opts.key}/`) : '/',
    plugins: [
      vue(),
      federation({
        name: opts.name,
        filename: 'remoteEntry.js',
        manifest: true,
        exposes: { './routes': './src/routes.ts' },
        shared: command === 'build' ? hostProvided(SHARED) : SHARED,
        dts: false,
        // Built remotes use the portal's federation runtime (standalone dev keeps its own).
        experiments: { externalRuntime: command === 'build' },
      }),
      precompress(),
    ],
    server: { port: opts.port, strictPort: true, origin: `http://localhost:${opts.port}`, proxy: { '/api': API_TARGET } },
    preview: { port: opts.port, strictPort: true },
  });
}
