import { adminRouter } from './routers/admin.ts';
import { auditRouter } from './routers/audit.ts';
import { authRouter } from './routers/auth.ts';
import { dashboardRouter } from './routers/dashboard.ts';
import { fundingRouter } from './routers/funding/index.ts';
import { inboxRouter } from './routers/inbox.ts';
import { planRouter } from './routers/plan/index.ts';
import { platformRouter } from './routers/platform.ts';
import { privateEduRouter } from './routers/private-edu/index.ts';
import { safetyRouter } from './routers/safety/index.ts';
import { teachersRouter } from './routers/teachers/index.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  admin: adminRouter,
  audit: auditRouter,
  platform: platformRouter,
  plan: planRouter,
  dashboard: dashboardRouter,
  safety: safetyRouter,
  privateEdu: privateEduRouter,
  teachers: teachersRouter,
  funding: fundingRouter,
  inbox: inboxRouter,
});
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
