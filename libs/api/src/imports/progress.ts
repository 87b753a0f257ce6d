import type { ImportProgress } from '@hyedu/domain';

/**
 * The progress of the imports running in this server process, by account and the key the page chose, so the import
 * dialog can poll it (platform.importProgress) while its import call is under way. An entry is kept for ten minutes
 * after its last change. Each account sees only its own.
 */
const KEEP_MS = 10 * 60_000;
const entries = new Map<string, { progress: ImportProgress; at: number }>();
const id = (username: string, key: string) => `${username}\n${key}`;

function sweep(now: number) {
  for (const [k, e] of entries) if (now - e.at > KEEP_MS) entries.delete(k);
}

export interface ImportTracker {
  set(patch: Partial<ImportProgress>): void;
  get(): ImportProgress;
}

/** Starts tracking an import; without a key (a caller that does not poll) nothing is kept. */
export function trackImport(username: string, key: string | undefined): ImportTracker {
  const now = Date.now();
  sweep(now);
  let progress: ImportProgress = { phase: 'parsing', total: 0, parsed: 0, checked: 0, written: 0 };
  const save = () => void (key && entries.set(id(username, key), { progress, at: Date.now() }));
  save();
  return {
    set(patch) {
      progress = { ...progress, ...patch };
      save();
    },
    get: () => progress,
  };
}

/** An account's import by its key, or null (unknown, someone else's, or long finished). */
export function importProgress(username: string, key: string): ImportProgress | null {
  return entries.get(id(username, key))?.progress ?? null;
}
