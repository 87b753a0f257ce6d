export { trpc, errorMessage, TRPC_URL } from './trpc.ts';
export { createQueryClient, installQuery } from './query.ts';
export { useShellStore } from './shell.ts';
export type { RemoteStatus } from './shell.ts';
export { defineModuleRoutes, joinPath } from './federation.ts';
export type { ModuleRoutes } from './federation.ts';
export { startStandalone } from './standalone.ts';
export type { RouterInputs, RouterOutputs } from '@hyedu/api/router';
