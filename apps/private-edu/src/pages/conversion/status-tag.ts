import type { ConversionStatus } from '@hyedu/domain/private-edu';

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

const TAGS: Record<ConversionStatus, TagType> = {
  surveyed: 'info',
  under_review: 'warning',
  implementing: 'primary',
  completed: 'warning',
  accepted: 'success',
};

/** A status tag's colour: amber where the city must act (审核, 验收), blue while carried out, green once accepted. */
export const statusTag = (s: ConversionStatus): TagType => TAGS[s];
