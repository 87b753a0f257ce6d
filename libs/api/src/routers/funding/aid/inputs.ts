import { z } from 'zod';
import { AidSemester } from '@hyedu/domain/funding';

/** A semester (default: the business date's). */
export const AidSemesterInput = z.object({ semester: AidSemester.optional() }).strict().optional();
