export interface FrontOptions {
  upstreams: string[];
  port: number;
  dir: string;
  cert?: string;
  key?: string;
}
export declare function frontConfig(o: { dir: string; port: number; upstreams: string[]; cert: string; key: string }): string;
export declare function startFront(o: FrontOptions): Promise<{ url: string; stop: () => Promise<void> }>;
