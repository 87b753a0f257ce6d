import { describe, expect, it } from 'vitest';
import { startFiles } from './preload-start.js';

const chunk = (fileName: string, more: Record<string, unknown> = {}) => ({ type: 'chunk' as const, fileName, ...more });

describe('startFiles', () => {
  const bundle = {
    'assets/index-a.js': chunk('assets/index-a.js', {
      isEntry: true,
      imports: ['assets/helper-b.js'],
      dynamicImports: ['assets/bootstrap-c.js'],
    }),
    'assets/helper-b.js': chunk('assets/helper-b.js'),
    'assets/bootstrap-c.js': chunk('assets/bootstrap-c.js', {
      facadeModuleId: '/app/src/bootstrap.ts',
      imports: ['assets/router-d.js'],
      dynamicImports: ['assets/LoginPage-e.js'],
      viteMetadata: { importedCss: new Set(['assets/bootstrap-c.css']) },
    }),
    'assets/router-d.js': chunk('assets/router-d.js', { imports: ['assets/helper-b.js'] }),
    'assets/LoginPage-e.js': chunk('assets/LoginPage-e.js'),
    'assets/x__loadShare__vue.js': chunk('assets/x__loadShare__vue.js', { imports: ['assets/vue-f.js'] }),
    'assets/vue-f.js': chunk('assets/vue-f.js'),
    'assets/pendingShares-g.js': chunk('assets/pendingShares-g.js'),
    'assets/mf-localSharedImportMap-h.js': chunk('assets/mf-localSharedImportMap-h.js', { dynamicImports: ['assets/src-ui.js'] }),
    'assets/src-ui.js': chunk('assets/src-ui.js', { viteMetadata: { importedCss: new Set(['assets/src-ui.css']) } }),
    'assets/lazy-dialog.js': chunk('assets/lazy-dialog.js'),
    'assets/bootstrap-c.css': { type: 'asset' as const, fileName: 'assets/bootstrap-c.css' },
  };

  it('lists the start: entries and their dynamic imports, the shared libraries, and what each imports, not lazy pages', () => {
    expect(startFiles(bundle, /\/src\/bootstrap\.ts$/)).toEqual({
      scripts: [
        'assets/bootstrap-c.js',
        'assets/helper-b.js',
        'assets/index-a.js',
        'assets/pendingShares-g.js',
        'assets/router-d.js',
        'assets/src-ui.js',
        'assets/vue-f.js',
        'assets/x__loadShare__vue.js',
      ],
      styles: ['assets/bootstrap-c.css', 'assets/src-ui.css'],
    });
  });

  it('leaves out what the page already names', () => {
    const { scripts } = startFiles(bundle, /\/src\/bootstrap\.ts$/, ['assets/index-a.js', 'assets/helper-b.js']);
    expect(scripts).not.toContain('assets/index-a.js');
    expect(scripts).not.toContain('assets/helper-b.js');
    expect(scripts).toContain('assets/router-d.js');
  });
});
