import { PostCategory, StaffingStatus } from '@hyedu/domain/teachers';
import { defineListQuery, oneOf, text } from '@hyedu/web';

/** The list's filters as they live in the URL: `?employment=&post=&q=&page=`. */
export const staffQuery = defineListQuery({ employment: oneOf(StaffingStatus), post: oneOf(PostCategory), q: text() });
