import { capacityRouter } from './capacity.ts';
import { trainingFilesRouter } from './files.ts';
import { institutionsRouter } from './institutions.ts';
import { platformRouter } from './platform.ts';
import { settingsRouter } from './settings.ts';

/** 校外培训机构 (seed item 6): the register, its export, 监管力量 per county, the national platform's list, the settings. */
export const trainingRouter = {
  ...institutionsRouter,
  ...trainingFilesRouter,
  capacity: capacityRouter,
  platform: platformRouter,
  settings: settingsRouter,
};
