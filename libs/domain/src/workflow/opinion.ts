import { z } from 'zod';

/**
 * A department's opinion on a record it was asked about (联审, 会签): 同意, or 有意见 with its text. The record type
 * decides who is asked and what happens once all have answered; the portal's 待办 shows the question the same way.
 */
export const OpinionVerdict = z.enum(['agree', 'concerns'], { message: '请选择联审意见' });
export type OpinionVerdict = z.infer<typeof OpinionVerdict>;
export const OPINION_VERDICT_LABELS: Record<OpinionVerdict, { zh: string; en: string }> = {
  agree: { zh: '同意', en: 'Agree' },
  concerns: { zh: '有意见', en: 'Has concerns' },
};
