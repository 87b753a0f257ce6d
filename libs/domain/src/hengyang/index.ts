import '../zod-config.ts';
import { createOrganisation } from '../org.ts';
import { HENGYANG_ORG_UNITS } from './org.ts';

export { HENGYANG_ORG_UNITS, HUNAN_PROVINCE_CODE } from './org.ts';
export { HENGYANG_PRIVATE_BASELINE_2020, HENGYANG_TARGETS_2022 } from './targets.ts';
export { HENGYANG_NAMED_PROJECTS_2022, HENGYANG_SEAT_WINDOW_2022, type NamedProject } from './capital-projects.ts';
export { HENGYANG_PLAN_2022 } from './plan-2022.ts';
export { HENGYANG_MODULES } from './modules.ts';
export { HENGYANG_CONTEXT_WORDS } from './context-words.ts';
export { HENGYANG_TOTP_ISSUER } from './identity.ts';
export { HENGYANG_DEPARTMENTS } from './departments.ts';
export { HENGYANG_TASKS_2022 } from './tasks-2022.ts';
export { HENGYANG_KPIS_2022, HENGYANG_KPI_TARGETS_2022 } from './kpis-2022.ts';
/** The catalogue's English titles and formulas (kept under this name for the callers that read them here). */
export { KPI_CATALOGUE_EN as HENGYANG_KPIS_2022_EN, kpiText } from '../kpi-catalogue.en.ts';

/** 衡阳市 organisation built from its units. */
export const hengyang = createOrganisation(HENGYANG_ORG_UNITS);
