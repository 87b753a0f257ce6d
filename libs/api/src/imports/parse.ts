import { Worker } from 'node:worker_threads';
import { IMPORT_LIMITS } from '@hyedu/domain';
import { ExcelFileError } from '@hyedu/excel';
import type { ParseArgs, ParseKind, ParseResult } from './parsers.ts';
import type { WorkerInput, WorkerMessage } from './worker.ts';

/** How much a parse may take: heap of the worker (MB) and wall time (seconds). The domain's limits by default. */
export interface ParseBounds {
  memoryMb: number;
  seconds: number;
}
const DEFAULT_BOUNDS: ParseBounds = { memoryMb: IMPORT_LIMITS.parseMemoryMb, seconds: IMPORT_LIMITS.parseSeconds };
const BOOT = new URL('./worker-boot.mjs', import.meta.url);

// At most IMPORT_LIMITS.parallelParses workers at once; the others wait in arrival order.
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
    return (await run(kind, file, args, opts.bounds ?? DEFAULT_BOUNDS, opts.onProgress ?? (() => {}))) as ParseResult<K>;
  } finally {
    releaseSlot();
  }
}

function run(kind: ParseKind, file: Buffer, args: unknown, bounds: ParseBounds, onProgress: (e: { parsed: number } | { checked: number }) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // The worker gets its own copy of the bytes (moved, not copied again).
    const bytes = new Uint8Array(file).buffer;
    const input: WorkerInput = { kind, args, file: bytes };
    const worker = new Worker(BOOT, {
      workerData: input,
      transferList: [bytes],
      // Not the server's loader flags: worker-boot.mjs registers the TypeScript loader itself.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: bounds.memoryMb, maxYoungGenerationSizeMb: Math.max(4, Math.min(32, Math.floor(bounds.memoryMb / 8))), stackSizeMb: 4 },
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(
      () => settle(() => reject(new ExcelFileError(`文件解析超时（超过${bounds.seconds}秒），已停止。请检查文件内容，或拆分后分批导入`))),
      bounds.seconds * 1000,
    );
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'parsed') onProgress({ parsed: m.rows });
      else if (m.type === 'checked') onProgress({ checked: m.rows });
      else if (m.type === 'result') settle(() => resolve(m.result));
      else if (m.type === 'file-error') settle(() => reject(new ExcelFileError(m.message)));
      else settle(() => reject(new Error(`文件解析失败：${m.message}`)));
    });
    worker.on('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ExcelFileError(`文件解析所需内存超过上限（${bounds.memoryMb}MB），已停止。请检查文件内容，或拆分后分批导入`)
            : e,
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`文件解析线程意外退出（${code}）`))));
  });
}
