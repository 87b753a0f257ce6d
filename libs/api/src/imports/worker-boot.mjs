// The parsing worker's entry: a worker thread starts without the TypeScript loader the server runs under (tsx), so it
// registers tsx itself and then loads worker.ts. Works the same under `pnpm start`, the dev server and the tests.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
