export { appRouter, createCaller } from './router.ts';
export type { AppRouter } from './router.ts';
export type { RouterInputs, RouterOutputs } from './router-type.ts';
export { createContextFactory } from './context.ts';
export type { Context } from './context.ts';
export type { Policy, Meta } from './trpc.ts';
