import { gradeLabel } from '@hyedu/domain';
import type { FiveItemsGrade } from '@hyedu/domain/private-edu';

/** A grade as the page's language names it (小学三年级 / Primary 3). */
export const gradeName = (g: FiveItemsGrade, lang: 'zh' | 'en') =>
  lang === 'zh' ? gradeLabel(g) : `${g.startsWith('P') ? 'Primary' : 'Junior'} ${g.slice(1)}`;
