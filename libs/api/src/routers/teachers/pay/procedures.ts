import { authorize } from '@hyedu/domain';
import type { AuthedContext } from '../../../context.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../../trpc.ts';

export const read = readProcedure('teachers');
export const write = writeProcedure('teachers');
export const exporter = exportProcedure('teachers');
export const canWrite = (ctx: AuthedContext) => authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed;
export const iso = (d: Date | null) => d?.toISOString() ?? null;
