import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface Running {
  url: string;
  /** The process started (tsx, whose child runs the server). */
  pid: number | undefined;
  /** What the server has printed so far (its warnings and errors: LOG_LEVEL=warn). */
  output(): string;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL), as a crash or an operator's kill -9 would: nothing is flushed or finished. */
  kill(): Promise<void>;
}

/**
 * Starts the real server (production build, PGlite in `dataDir`, demo data) and waits until it answers. A port that
 * another test's server took between our probe and our start is tried again with another port.
 */
export async function startServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Running> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(dataDir, extraEnv);
    } catch (e) {
      if (attempt >= 3 || !/EADDRINUSE/.test((e as Error).message)) throw e;
    }
  }
}

async function startOnce(dataDir: string, extraEnv: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child: ChildProcess = spawn(TSX, ['apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HYEDU_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // Loading the demo data takes about 30 s on a quiet machine; a busy one (other test runs) may take several times that.
  // 学生资助's demo data (~150,000 payments and the matching run) adds its share: 7 minutes on a busy machine.
  const deadline = Date.now() + 420_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid,
    output: () => output,
    stop: () => ended(child, 'SIGTERM'),
    kill: () => {
      // tsx runs the server in a child process of its own and relays signals, but no process can relay SIGKILL.
      if (child.pid) spawnSync('pkill', ['-KILL', '-P', String(child.pid)]);
      return ended(child, 'SIGKILL');
    },
  };
}

/** Sends `signal` and resolves once the process has exited. */
function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Runs the registry command line against the same data folder (the server must be stopped: PGlite has one user). */
export function registry(dataDir: string, ...args: string[]): string {
  return execFileSync(TSX, ['libs/db/src/cli.ts', 'registry', ...args], {
    cwd: ROOT,
    env: { ...process.env, HYEDU_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
}
