import { Worker } from 'node:worker_threads';
import { IMPORT_LIMITS } from '@hyedu/domain';
import { ExcelFileError } from '@hyedu/excel';
import type { ParseArgs, ParseKind, ParseResult } from './parsers.ts';
import type { WorkerJob, WorkerMessage } from './worker.ts';

/** How much a parse may take: heap of the worker (MB) and wall time (seconds). The domain's limits by default. */
export interface ParseBounds {
  memoryMb: number;
  seconds: number;
}
const DEFAULT_BOUNDS: ParseBounds = { memoryMb: IMPORT_LIMITS.parseMemoryMb, seconds: IMPORT_LIMITS.parseSeconds };
const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/**
 * Idle workers by heap cap, kept for the next file (starting one and loading ExcelJS is the slow part). A worker that
 * ran out of memory or time, or failed, is not kept. At most IMPORT_LIMITS.parallelParses parse at once; the other
 * files wait in arrival order.
 */
const idle = new Map<number, Worker[]>();
let running = 0;
const waiting: (() => void)[] = [];
async function takeSlot(): Promise<void> {
  if (running < IMPORT_LIMITS.parallelParses) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}
function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}
function startWorker(memoryMb: number): Worker {
  return new Worker(BOOT, {
    // Not the server's loader flags: worker-boot.mjs registers the TypeScript loader itself.
    execArgv: [],
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: Math.max(4, Math.min(32, Math.floor(memoryMb / 8))),
      stackSizeMb: 4,
    },
  });
}

/**
 * Parses an uploaded file in a worker thread with the parser of its kind (parsers.ts): the server's event loop stays
 * free while ExcelJS reads the file, and a file that needs more than `bounds.memoryMb` of heap or `bounds.seconds`
 * is stopped and refused with a Chinese ExcelFileError, like any other bad file. `onProgress` hears the rows read
 * and the rows checked.
 */
export async function parseInWorker<K extends ParseKind>(
  kind: K,
  file: Buffer,
  args: ParseArgs<K>,
  opts: { onProgress?: (e: { parsed: number } | { checked: number }) => void; bounds?: ParseBounds } = {},
): Promise<ParseResult<K>> {
  await takeSlot();
  try {
    return (await run({ kind, args, file }, opts.bounds ?? DEFAULT_BOUNDS, opts.onProgress ?? (() => {}))) as ParseResult<K>;
  } finally {
    releaseSlot();
  }
}

function run(
  job: { kind: ParseKind; args: unknown; file: Buffer },
  bounds: ParseBounds,
  onProgress: (e: { parsed: number } | { checked: number }) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = idle.get(bounds.memoryMb)?.pop() ?? startWorker(bounds.memoryMb);
    worker.ref();
    const finish = (outcome: () => void, keep: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep) {
        worker.unref();
        idle.set(bounds.memoryMb, [...(idle.get(bounds.memoryMb) ?? []), worker]);
      } else void worker.terminate();
      outcome();
    };
    const onMessage = (m: WorkerMessage) => {
      if (m.type === 'parsed') onProgress({ parsed: m.rows });
      else if (m.type === 'checked') onProgress({ checked: m.rows });
      else if (m.type === 'result') finish(() => resolve(m.result), true);
      else if (m.type === 'file-error') finish(() => reject(new ExcelFileError(m.message)), true);
      else finish(() => reject(new Error(`文件解析失败：${m.message}`)), false);
    };
    const onError = (e: Error & { code?: string }) =>
      finish(
        () =>
          reject(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ExcelFileError(`文件解析所需内存超过上限（${bounds.memoryMb}MB），已停止。请检查文件内容，或拆分后分批导入`)
              : e,
          ),
        false,
      );
    const onExit = (code: number) => finish(() => reject(new Error(`文件解析线程意外退出（${code}）`)), false);
    const timer = setTimeout(
      () =>
        finish(
          () => reject(new ExcelFileError(`文件解析超时（超过${bounds.seconds}秒），已停止。请检查文件内容，或拆分后分批导入`)),
          false,
        ),
      bounds.seconds * 1000,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // The worker gets its own copy of the bytes (moved, not copied again).
    const bytes = new Uint8Array(job.file).buffer;
    const message: WorkerJob = { kind: job.kind, args: job.args, file: bytes };
    worker.postMessage(message, [bytes]);
  });
}
