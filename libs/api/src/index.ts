export { appRouter, createCaller } from './router.ts';
export type { AppRouter } from './router.ts';
export type { RouterInputs, RouterOutputs } from './router-type.ts';
export { createContextFactory } from './context.ts';
export type { Context, ContextOptions, RequestInfo } from './context.ts';
export { SESSION_COOKIE } from './auth/session.ts';
export type { Policy, Meta } from './trpc.ts';
export { takeKpiSnapshot } from './kpi/snapshot.ts';
export { moduleOrigins, MODULE_ORIGINS_CACHE_MS } from './module-origins.ts';
