// The thread that checks uploads, off the server's event loop (see in-worker.ts): one file at a time, as asked. This
// entry is plain JavaScript so that it starts in any Node process; it registers tsx to load the TypeScript check
// (the server itself runs under tsx).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { checkUpload } = await import('./upload.ts');
parentPort.on('message', async ({ bytes, fileName }) => parentPort.postMessage(await checkUpload(bytes, fileName)));
