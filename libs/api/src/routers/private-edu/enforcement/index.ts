import { enforcementCasesRouter } from './cases.ts';
import { enforcementFilesRouter } from './files.ts';

/** 校外培训执法案件 (`privateEdu.enforcement.*`): the cases, their steps, evidence and export. */
export const enforcementRouter = { ...enforcementCasesRouter, ...enforcementFilesRouter };
