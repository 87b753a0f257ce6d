import { ref, watch, type Ref } from 'vue';
import { errorMessage } from './trpc.ts';
import { downloadBase64, fileToBase64 } from './files.ts';

/** What every module import answers: rows written (0 on a dry run or with errors) and the problems found. */
export interface ImportResult {
  imported: number;
  rows: number;
  errors: string[];
  errorCount: number;
}

/**
 * The state of an Excel import dialog, shared by the modules: download the template, choose a file, 检查 (a dry run
 * listing every problem) and 导入 (all rows or none). Reset whenever the dialog opens; `onImported` after a commit.
 */
export function useExcelImport<R extends ImportResult>(opts: {
  open: Ref<boolean>;
  template: () => Promise<{ filename: string; base64: string }>;
  upload: (file: { fileName: string; base64: string; dryRun: boolean }) => Promise<R>;
  onImported: (rows: number) => void;
}) {
  const file = ref<File | null>(null);
  const input = ref<HTMLInputElement | null>(null);
  const result = ref<R | null>(null) as Ref<R | null>;
  const error = ref<string | null>(null);
  const busy = ref(false);
  watch(opts.open, (isOpen) => {
    if (!isOpen) return;
    file.value = null;
    result.value = null;
    error.value = null;
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
  }
  async function run(dryRun: boolean) {
    if (!file.value) return;
    busy.value = true;
    error.value = null;
    try {
      result.value = await opts.upload({ fileName: file.value.name, base64: await fileToBase64(file.value), dryRun });
      if (result.value.imported) opts.onImported(result.value.imported);
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      busy.value = false;
    }
  }
  return { file, input, result, error, busy, template, pick, run };
}
