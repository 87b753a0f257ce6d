import '../zod-config.ts';
import { createOrganisation } from '../org.ts';
import { EXAMPLE_CITY_ORG_UNITS } from './org.ts';

// 示例市: a synthetic second city for tests (not part of the published package). It uses only the city-agnostic
// rules, as another bureau's configuration would.
export { EXAMPLE_CITY_ORG_UNITS, EXAMPLE_PROVINCE_CODE } from './org.ts';
export { EXAMPLE_CITY_TARGETS_2023 } from './targets.ts';
export { EXAMPLE_CITY_PLAN_2023 } from './plan-2023.ts';
export { EXAMPLE_CITY_KPIS_2023, EXAMPLE_CITY_KPI_TARGETS_2023 } from './kpis-2023.ts';
export { EXAMPLE_CITY_DEPARTMENTS, EXAMPLE_CITY_TASKS_2023 } from './tasks-2023.ts';
export { EXAMPLE_CITY_SAFETY_SETTINGS } from './safety.ts';

/** 示例市's organisation built from its units. */
export const exampleCity = createOrganisation(EXAMPLE_CITY_ORG_UNITS);
