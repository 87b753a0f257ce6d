import { Worker } from 'node:worker_threads';
import type { UploadCheck } from './upload.ts';

/**
 * Runs `checkUpload` in a worker thread: decoding a 12-megapixel photo with pure-JS jpeg-js takes seconds of CPU, which
 * must not stall every other request. One worker, started on first use and kept (loading the checkers is the slow
 * part), checks one file at a time; it has a heap limit, each file a time limit. A file that exhausts either is
 * refused, not a crash, and the worker is replaced.
 */
const ENTRY = new URL('./check-worker.mjs', import.meta.url);
const TOO_HARD = '文件过于复杂，无法在限定的时间和内存内检查完，已拒绝；请压缩或另存为较小的文件后再上传';

interface Job {
  bytes: Uint8Array;
  fileName: string;
  timeoutMs: number;
  resolve: (r: UploadCheck) => void;
  reject: (e: Error) => void;
}
const queue: Job[] = [];
let worker: Worker | null = null;
let busy = false;

function next(): void {
  const job = queue.shift();
  if (!job) return;
  busy = true;
  const w = (worker ??= new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: 512 } }));
  w.ref();
  const done = (outcome: () => void, replace = false) => {
    clearTimeout(timer);
    w.off('message', onMessage).off('error', onError).off('exit', onExit);
    if (replace) {
      if (worker === w) worker = null;
      void w.terminate();
    } else w.unref();
    busy = false;
    outcome();
    next();
  };
  const onMessage = (r: UploadCheck) => done(() => job.resolve(r));
  const onError = (e: Error & { code?: string }) =>
    done(() => (e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? job.resolve({ ok: false, message: TOO_HARD }) : job.reject(e)), true);
  const onExit = (code: number) => done(() => job.reject(new Error(`文件检查线程意外退出（${code}）`)), true);
  const timer = setTimeout(() => done(() => job.resolve({ ok: false, message: TOO_HARD }), true), job.timeoutMs);
  w.on('message', onMessage).on('error', onError).on('exit', onExit);
  w.postMessage({ bytes: job.bytes, fileName: job.fileName });
}

export function checkUploadInWorker(bytes: Uint8Array, fileName: string, opts: { timeoutMs?: number } = {}): Promise<UploadCheck> {
  return new Promise((resolve, reject) => {
    queue.push({ bytes, fileName, timeoutMs: opts.timeoutMs ?? 60_000, resolve, reject });
    if (!busy) next();
  });
}
