import { z } from 'zod';
import {
  DivisionCode,
  HazardCategory,
  HazardSource,
  HazardStatus,
  IncidentType,
  RecordId,
  SafetyTopic,
  Severity,
  Term,
  textField,
} from '@hyedu/domain';
import { Page } from '../../inputs.ts';
import { Cursor } from '../../keyset.ts';

export { ImportUpload, Upload } from '../../inputs.ts';

/** Filters shared by the module's lists (every list is paged on the server). */
const Common = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolId: RecordId.optional(),
  q: textField(40, '搜索词').optional(),
});

export const HazardFilter = Common.extend({
  status: HazardStatus.optional(),
  severity: Severity.optional(),
  category: HazardCategory.optional(),
  source: HazardSource.optional(),
  overdue: z.boolean().optional(),
  /** The next page after this key (the cursor of the previous page's last row); without it the page is found by offset. */
  after: Cursor.optional(),
}).strict();
export type HazardFilter = z.infer<typeof HazardFilter>;

export const ProfileFilter = Common.extend({
  term: Term,
  /** 'missing': schools with no profile for the term; 'noncompliant': a profile that fails an indicator. */
  show: z.enum(['all', 'missing', 'noncompliant', 'submitted']).default('all'),
}).strict();
export type ProfileFilter = z.infer<typeof ProfileFilter>;

export const ActivityFilter = Common.extend({
  topic: SafetyTopic.optional(),
  /** Paged by key past the first pages (tens of thousands of activities a year city-wide). */
  after: Cursor.optional(),
}).strict();
export type ActivityFilter = z.infer<typeof ActivityFilter>;

export const IncidentFilter = Common.extend({ type: IncidentType.optional(), status: z.enum(['handling', 'closed']).optional() }).strict();
export type IncidentFilter = z.infer<typeof IncidentFilter>;

export const Id = z.object({ id: RecordId }).strict();
