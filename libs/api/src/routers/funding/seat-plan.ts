import type { SeatWindow } from '@hyedu/domain/funding';
import { HENGYANG_SEAT_WINDOW_2022, HENGYANG_TARGETS_2022 } from '@hyedu/domain/hengyang';

/** A plan year's seat target and the window its places count in (学位建设, 第9项). */
export interface SeatPlan {
  year: number;
  target: number;
  window: SeatWindow;
}

const PLANS: readonly SeatPlan[] = [
  { year: 2022, target: HENGYANG_TARGETS_2022.seatConstructionTarget, window: HENGYANG_SEAT_WINDOW_2022 },
];

/** The plan of a year, or null when the work priorities set no seat target for it. */
export const seatPlanOf = (year: number): SeatPlan | null => PLANS.find((p) => p.year === year) ?? null;

/** The plan a business date falls in: its year's, else the latest before it. */
export const seatPlanOn = (today: string): SeatPlan => {
  const year = Number(today.slice(0, 4));
  return seatPlanOf(year) ?? [...PLANS].reverse().find((p) => p.year <= year) ?? PLANS[0]!;
};
