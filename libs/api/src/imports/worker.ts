// The parsing worker: parses uploaded files, one at a time as parse.ts sends them, with the parser of each file's
// kind, and posts the result back. Started with a memory cap; parse.ts also stops it when a file takes too long. A
// hostile file can exhaust this thread, never the server's event loop.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { ExcelFileError } from '@hyedu/excel';
import { PARSERS, type ParseKind } from './parsers.ts';

export interface WorkerJob {
  kind: ParseKind;
  args: unknown;
  file: ArrayBuffer;
}
export type WorkerMessage =
  | { type: 'parsed'; rows: number }
  | { type: 'checked'; rows: number }
  | { type: 'result'; result: unknown }
  | { type: 'file-error'; message: string }
  | { type: 'error'; message: string };

// Parsing is background work: on Linux this thread lowers its own CPU priority (nice 10), so that on a small server
// the event loop answering everybody else comes first. Elsewhere it keeps the default.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) setPriority(tid, 10);
} catch {
  /* not Linux: the default priority */
}

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);
port.on('message', async ({ kind, args, file }: WorkerJob) => {
  try {
    const parser = PARSERS[kind] as (
      buf: Buffer,
      args: unknown,
      report: (e: { parsed: number } | { checked: number }) => void,
    ) => Promise<unknown>;
    const result = await parser(Buffer.from(file), args, (e) =>
      post('parsed' in e ? { type: 'parsed', rows: e.parsed } : { type: 'checked', rows: e.checked }),
    );
    post({ type: 'result', result });
  } catch (e) {
    post(
      e instanceof ExcelFileError
        ? { type: 'file-error', message: e.message }
        : { type: 'error', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) },
    );
  }
});
