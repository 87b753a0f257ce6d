/** Students per teacher (生师比), teachers counted in post plus contract teachers. null when there are no teachers. */
export function pupilTeacherRatio(students: number, teachers: number): number | null {
  if (teachers <= 0) return null;
  return students / teachers;
}

/** 编制使用率: teachers in post (在编) over the 编制 quota. null when the quota is 0 (e.g. private schools). */
export function quotaFillRate(inPost: number, quota: number): number | null {
  if (quota <= 0) return null;
  return inPost / quota;
}
