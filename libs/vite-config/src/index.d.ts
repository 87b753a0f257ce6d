import type { UserConfig } from 'vite';

export declare const SHARED: Record<string, { singleton: boolean; requiredVersion: string }>;
export declare function portalConfig(): UserConfig;
export declare function remoteConfig(opts: { key: string; name: string; port: number }): (env: { command: 'build' | 'serve' }) => UserConfig;
