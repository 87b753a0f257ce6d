// Every file an import may parse, by kind: the functions the parsing worker runs. They read and check a file with
// @hyedu/excel and the domain's schemas only; whatever they need from the database comes in as arguments.

// 学生资助
import { readAidListSheet } from '../routers/funding/aid/list-sheet.ts';
import { readAidRollSheet } from '../routers/funding/aid/roll-sheet.ts';
import { readAidStudentSheet } from '../routers/funding/aid/student-sheet.ts';
import { readPlanSheets } from '../routers/plan/import-sheets.ts';
import { readCensusSheet } from '../routers/private-edu/census-sheet.ts';
import { readLeverSheet, readPrivateProfileSheet } from '../routers/private-edu/import-sheets.ts';
import { readPlatformSheet } from '../routers/private-edu/training/platform-sheet.ts';
import { readHazardSheet, readProfileSheet } from '../routers/safety/import-sheets.ts';
// 年度考核与教师资格定期注册
import { readAppraisalSheet } from '../routers/teachers/appraisal/sheet.ts';
import { readStaffSheet } from '../routers/teachers/staff-sheet.ts';
// 教师培训与信息技术应用能力提升工程2.0
import { readTrainingSheet } from '../routers/teachers/training/sheet.ts';

export const PARSERS = {
  'safety.hazards': readHazardSheet,
  'safety.profiles': readProfileSheet,
  plan: readPlanSheets,
  'privateEdu.levers': readLeverSheet,
  'privateEdu.profiles': readPrivateProfileSheet,
  'privateEdu.census': readCensusSheet,
  'teachers.staff': readStaffSheet,
  // 校外培训机构
  'privateEdu.trainingPlatform': readPlatformSheet,
  // 教师培训与信息技术应用能力提升工程2.0
  'teachers.training': readTrainingSheet,
  // 年度考核与教师资格定期注册
  'teachers.appraisals': readAppraisalSheet,
  // 学生资助
  'funding.aidList': readAidListSheet,
  'funding.aidStudents': readAidStudentSheet,
  'funding.aidRoll': readAidRollSheet,
};
export type ParseKind = keyof typeof PARSERS;
export type ParseArgs<K extends ParseKind> = Parameters<(typeof PARSERS)[K]>[1];
export type ParseResult<K extends ParseKind> = Awaited<ReturnType<(typeof PARSERS)[K]>>;
