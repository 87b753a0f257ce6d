/**
 * Bounds of every Excel import (safety, plan and the modules to come). A file is parsed in a worker thread that may
 * use at most `parseMemoryMb` of heap and `parseSeconds` of time; valid rows are written to a staging table
 * `stageChunkRows` at a time, each chunk its own short transaction, then moved into the real table in one short
 * publish transaction. Staging rows older than `stagingTtlMinutes` belong to an import that died and are removed.
 */
export const IMPORT_LIMITS = Object.freeze({
  /** Data rows in one file (one sheet; the plan's task sheet too). */
  maxRows: 5_000,
  /** Heap of the parsing worker (old generation, MB): a 5,000-row template needs about a fifth of it. */
  parseMemoryMb: 256,
  /** Wall time of the parsing worker. */
  parseSeconds: 60,
  /** Files parsed at the same time on one server; the others wait their turn. */
  parallelParses: 2,
  /** Rows per staging transaction. */
  stageChunkRows: 100,
  /** Staging rows older than this are an import's that died. */
  stagingTtlMinutes: 30,
});

/** The phases an import's progress goes through, in order. */
export const IMPORT_PHASES = ['parsing', 'checking', 'writing', 'publishing', 'done', 'failed'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** How far an import has come: rows parsed, checked and written out of `total` (0 until the file is read). */
export interface ImportProgress {
  phase: ImportPhase;
  total: number;
  parsed: number;
  checked: number;
  written: number;
}

/** The share of the work done (0–1): parsing counts a tenth, checking a tenth, writing and publishing the rest. */
export function importFraction(p: ImportProgress): number {
  if (p.phase === 'done') return 1;
  if (!p.total) return p.phase === 'parsing' ? 0 : 0.1;
  const f = 0.1 * Math.min(1, p.parsed / p.total) + 0.1 * Math.min(1, p.checked / p.total) + 0.75 * Math.min(1, p.written / p.total);
  return Math.min(p.phase === 'publishing' ? 0.99 : 0.95, f + (p.phase === 'publishing' ? 0.04 : 0));
}
