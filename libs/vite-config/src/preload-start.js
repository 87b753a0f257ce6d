import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The portal's start is a chain: the entry imports the federation runtime, which loads each shared library, which
// loads its own chunks, then the bootstrap. Fetched one level at a time, that is a dozen round trips before the first
// page renders (on a slow mobile link about 150 ms each). Listing the files of the start in the page lets the browser
// fetch them all at once. A preload only fetches and compiles: which copy of a shared library runs is still decided by
// the federation runtime.

/** A chunk or asset of the output bundle, as far as this plugin reads it. */
/** @typedef {{ type: 'chunk' | 'asset'; fileName: string; isEntry?: boolean; facadeModuleId?: string | null; imports?: string[]; dynamicImports?: string[]; viteMetadata?: { importedCss?: Set<string> } }} Output */

/** The federation runtime's chunks for the shared libraries (and the one that waits for them): each is loaded on start
 * by the runtime, not by a static import. */
const SHARED_CHUNK = /__(loadShare|prebuild)__|\/pendingShares-/;
/** The federation runtime's map of the libraries this build provides: it imports each library's code on start. */
const SHARED_MAP = /localSharedImportMap/;

/**
 * The JavaScript and CSS files the portal loads before its first page: the entries and what they import dynamically
 * (the bootstrap), the shared libraries' federation chunks and their code, with everything they import statically.
 * Files the page already names are left out.
 * @param {Record<string, Output>} bundle
 * @param {RegExp} bootstrap the module the entry imports dynamically to start the app
 * @param {string[]} [named] files the page already loads or preloads
 * @returns {{ scripts: string[]; styles: string[] }}
 */
export function startFiles(bundle, bootstrap, named = []) {
  const scripts = new Set();
  const styles = new Set();
  const visit = (/** @type {string} */ fileName) => {
    const out = bundle[fileName];
    if (!out || out.type !== 'chunk' || scripts.has(fileName)) return;
    scripts.add(fileName);
    for (const css of out.viteMetadata?.importedCss ?? []) styles.add(css);
    for (const dep of out.imports ?? []) visit(dep);
  };
  for (const out of Object.values(bundle)) {
    if (out.type !== 'chunk') continue;
    const isBootstrap = out.facadeModuleId != null && bootstrap.test(out.facadeModuleId);
    if (out.isEntry || isBootstrap || SHARED_CHUNK.test(out.fileName)) visit(out.fileName);
    if (out.isEntry || SHARED_MAP.test(out.fileName)) for (const dep of out.dynamicImports ?? []) visit(dep);
  }
  const skip = new Set(named);
  return {
    scripts: [...scripts].filter((f) => !skip.has(f)).sort(),
    styles: [...styles].filter((f) => !skip.has(f)).sort(),
  };
}

/**
 * Adds to the built page `modulepreload` links for the start's scripts, `preload` links for its stylesheets, and the
 * `early` scripts (project-relative paths): each its own entry, run at once beside the federation runtime (the
 * federation plugin would otherwise start every script of the page only after the shared libraries have loaded).
 * @param {{ bootstrap?: RegExp; early?: string[] }} [opts]
 * @returns {import('vite').Plugin}
 */
export function preloadStart(opts = {}) {
  const bootstrap = opts.bootstrap ?? /\/src\/bootstrap\.ts$/;
  const early = opts.early ?? [];
  /** @type {string} */
  let base = '/';
  /** @type {string} */
  let root = '';
  return {
    name: 'hyedu:preload-start',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
      root = config.root;
    },
    buildStart() {
      for (const file of early) this.emitFile({ type: 'chunk', id: `${root}/${file}`, preserveSignature: false });
    },
    // On the written page, after the federation plugin has rewritten the page's own scripts (it would start these only
    // after the runtime too); an edit of the page in generateBundle does not survive the federation plugin's own.
    writeBundle: {
      order: 'post',
      handler(options, outputs) {
        const bundle = /** @type {Record<string, Output>} */ (/** @type {unknown} */ (outputs));
        const earlyFiles = early.map((file) => {
          const chunk = Object.values(bundle).find((o) => o.type === 'chunk' && o.facadeModuleId === `${root}/${file}`);
          if (!chunk) throw new Error(`hyedu:preload-start: no chunk for ${file}`);
          return chunk.fileName;
        });
        for (const page of Object.values(outputs)) {
          if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
          const file = join(options.dir ?? '', page.fileName);
          const html = readFileSync(file, 'utf8');
          const named = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(base, ''));
          const { scripts, styles } = startFiles(bundle, bootstrap, [...named, ...earlyFiles]);
          const tags = [
            ...earlyFiles.map((f) => `<script type="module" async crossorigin src="${base + f}"></script>`),
            ...scripts.map((f) => `<link rel="modulepreload" crossorigin href="${base + f}">`),
            // The stylesheets are loaded with CORS (as the scripts), so the preload must be too, or it is fetched twice.
            ...styles.map((f) => `<link rel="preload" as="style" crossorigin href="${base + f}">`),
          ];
          writeFileSync(file, html.replace('</head>', `${tags.map((t) => `  ${t}\n`).join('')}</head>`));
        }
      },
    },
  };
}
