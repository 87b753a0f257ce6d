// Helpers shared by the start and test scripts.
import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const bin = (name) => `${ROOT}node_modules/.bin/${name}`;

/** Runs a command in the repo root, streaming its output; resolves with its exit code. */
export function run(cmd, args, env = {}, stdout = 'inherit') {
  return new Promise((resolve) => {
    // Nx runs package scripts with pnpm, and drops the workspace's node_modules/.bin from PATH:
    // tools/scripts/bin holds a pnpm that runs the workspace's own pinned copy.
    const PATH = [`${ROOT}tools/scripts/bin`, `${ROOT}node_modules/.bin`, process.env.PATH ?? ''].join(delimiter);
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: ['inherit', stdout, 'inherit'],
      env: { ...process.env, PATH, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...env },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
