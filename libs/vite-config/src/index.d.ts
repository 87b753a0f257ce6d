import type { Plugin, UserConfig } from 'vite';

export declare const SHARED: Record<string, { singleton: boolean; requiredVersion: string }>;
export declare function portalConfig(): UserConfig;
export declare function remoteConfig(opts: {
  key: string;
  name: string;
  port: number;
}): (env: { command: 'build' | 'serve' }) => UserConfig;
export declare function precompress(): Plugin;
export declare function precompressDir(dir: string): Promise<{ files: number; bytes: number; brotli: number; gzip: number }>;
