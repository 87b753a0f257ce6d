import { listProcedure, readProcedure, writeProcedure } from '../../trpc.ts';

/** The KPIs the module's records move. */
export const PRIVATE_KPIS = [
  'private.compulsory-share',
  'private.gongcanmin-converted',
  'private.teachers-placed',
  'private.inspection-participation',
  'private.inspection-pass-rate',
  'private.puhui-coverage',
  'private.preschool-gross-enrolment',
  // 校外培训执法案件
  'private.enforcement-closed',
  'private.enforcement-days',
  // 校外培训机构
  'private.subject-reduction',
  'private.platform-onboarding',
  'private.fee-supervision',
  // 五项管理
  'private.five-items-compliance',
] as const;

/** Every read of the module. */
export const read = readProcedure('private-edu');
/** The module's lists (may be read from the standby). */
export const list = listProcedure('private-edu');

/** Every write of the module (the policy middleware drops the module's KPIs after it). */
export const write = writeProcedure('private-edu');
