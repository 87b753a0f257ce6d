import { TrainingCategory, TrainingConversionState, TrainingSubType } from '@hyedu/domain/private-edu';
import { among, defineListQuery, oneOf, text, unit, yesNo } from '@hyedu/web';

/** The list's filters as they live in the URL: `?unit=&trainingCategory=&subType=&conversion=&whiteList=&onPlatform=&q=&page=`. */
export const trainingQuery = defineListQuery({
  unitCode: unit(),
  trainingCategory: oneOf(TrainingCategory),
  subType: oneOf(TrainingSubType),
  conversion: among([...TrainingConversionState.options, 'none'] as const),
  whiteList: yesNo(),
  onPlatform: yesNo(),
  q: text(),
});

/** The platform page's unmatched rows: paging only. */
export const platformQuery = defineListQuery({});
