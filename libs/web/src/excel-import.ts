import { computed, ref, watch, type Ref } from 'vue';
import { importFraction, type ImportProgress } from '@hyedu/domain';
import { downloadBase64, fileToBase64 } from './files.ts';
import { errorMessage, trpc } from './trpc.ts';

/** What every module import answers: rows written (0 on a dry run or with errors) and the problems found. */
export interface ImportResult {
  imported: number;
  rows: number;
  errors: string[];
  errorCount: number;
}

/** What the dialog sends: the file, whether only to check it, and the key the server tracks its progress under. */
export interface ImportUploadInput {
  fileName: string;
  base64: string;
  dryRun: boolean;
  progressKey: string;
}

/** How often a running import's progress is asked for. */
const POLL_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const newKey = () =>
  (globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`).replace(
    /[^A-Za-z0-9_-]/g,
    '',
  );

/**
 * The state of an Excel import dialog, shared by the modules: download the template, choose a file, 检查 (a dry run
 * listing every problem) and 导入 (all rows or none). While the server works on the file, its progress (rows parsed,
 * checked, written) is polled under a key the dialog chooses per run. Reset whenever the dialog opens; `onImported`
 * after a commit that wrote something.
 */
export function useExcelImport<R extends { imported: number | boolean; errors: string[]; errorCount: number } = ImportResult>(opts: {
  open: Ref<boolean>;
  template: () => Promise<{ filename: string; base64: string }>;
  upload: (file: ImportUploadInput) => Promise<R>;
  onImported: (result: R) => void;
  /** The server's progress of an import (by default platform.importProgress). */
  progress?: (key: string) => Promise<ImportProgress | null>;
}) {
  const file = ref<File | null>(null);
  const input = ref<HTMLInputElement | null>(null);
  const result = ref<R | null>(null) as Ref<R | null>;
  const error = ref<string | null>(null);
  const busy = ref(false);
  const progress = ref<ImportProgress | null>(null);
  /** Whether the run under way only checks the file. */
  const dryRun = ref(false);
  /** 0–100 while busy (null until the server has the file: the upload itself). */
  const percent = computed(() => (progress.value ? Math.round(importFraction(progress.value) * 100) : null));
  const ask = opts.progress ?? ((key: string) => trpc.platform.importProgress.query({ key }));
  watch(opts.open, (isOpen) => {
    if (!isOpen) return;
    file.value = null;
    result.value = null;
    error.value = null;
    progress.value = null;
    if (input.value) input.value.value = '';
  });

  async function template() {
    error.value = null;
    try {
      const f = await opts.template();
      downloadBase64(f.filename, f.base64);
    } catch (e) {
      error.value = errorMessage(e);
    }
  }
  function pick(e: Event) {
    file.value = (e.target as HTMLInputElement).files?.[0] ?? null;
    result.value = null;
    error.value = null;
    progress.value = null;
  }
  /** Polls the import's progress until `running` is false; a failed poll only skips a beat. */
  async function follow(key: string, running: () => boolean) {
    while (running()) {
      await sleep(POLL_MS);
      if (!running()) break;
      const p = await ask(key).catch(() => null);
      if (p && running()) progress.value = p;
    }
  }
  async function run(check: boolean) {
    if (!file.value) return;
    busy.value = true;
    dryRun.value = check;
    error.value = null;
    progress.value = null;
    const progressKey = newKey();
    let running = true;
    const polling = follow(progressKey, () => running);
    try {
      result.value = await opts.upload({ fileName: file.value.name, base64: await fileToBase64(file.value), dryRun: check, progressKey });
      if (result.value.imported) opts.onImported(result.value);
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      running = false;
      await polling;
      busy.value = false;
      progress.value = null;
    }
  }
  return { file, input, result, error, busy, dryRun, progress, percent, template, pick, run };
}
