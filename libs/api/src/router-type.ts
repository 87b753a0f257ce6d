import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './router.ts';

// Type-only entry for the browser: `import type { AppRouter } from '@hyedu/api/router'`.
export type { AppRouter } from './router.ts';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
