import type { RouterOutputs } from '@hyedu/web';

/** A case as the record page reads it. */
export type ConversionRecord = RouterOutputs['privateEdu']['conversions']['byId'];
export type ConversionTeacher = ConversionRecord['teachers'][number];
