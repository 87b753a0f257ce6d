import type { InspectionStatus } from '@hyedu/domain/private-edu';

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

const TAGS: Record<InspectionStatus, TagType> = {
  materials: 'info',
  preliminary: 'warning',
  joint_review: 'warning',
  rectifying: 'primary',
  rechecking: 'warning',
  concluded: 'primary',
  published: 'success',
};

/** A status tag's colour: amber where the authority must act, blue while the school works or the result awaits 公示, green once published. */
export const statusTag = (s: InspectionStatus): TagType => TAGS[s];
