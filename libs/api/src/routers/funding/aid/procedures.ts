import { writeProcedure } from '../../../trpc.ts';

/** A write of the aid role (its KPIs are the funding module's: dropped after it by the policy middleware). */
export const aidWrite = writeProcedure('funding:aid');
