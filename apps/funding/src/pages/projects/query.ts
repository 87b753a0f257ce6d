import { MILESTONES, ProjectKind, SHORTFALL_FLAGS } from '@hyedu/domain/funding';
import { among, defineListQuery, oneOf, text, unit } from '@hyedu/web';

/** The project list's filters as they live in the URL: `?unit=&kind=&stage=&schedule=&flag=&named=yes|no&q=&page=`. */
export const projectQuery = defineListQuery({
  unitCode: unit(),
  kind: oneOf(ProjectKind),
  stage: among([...MILESTONES, 'none'] as const),
  schedule: among(['late', 'on_schedule', 'done'] as const),
  flag: among(SHORTFALL_FLAGS),
  named: among(['yes', 'no'] as const),
  q: text(),
});
