// @hyedu/files: files from users are hostile — a safe unzip with hard caps, and the whole-content check of attachments.
export { INFLATE_SLICE, rebuildZip, safeUnzip, UnsafeFileError, type UnzipOptions, type ZipLimits, type ZipRefusal } from './unzip.ts';
export { checkUpload, type UploadCheck } from './upload.ts';
export { checkUploadInWorker } from './in-worker.ts';
