/**
 * Words of the organisation that make a password guessable (security.md §1: "context words (hengyang, jyj, …)"),
 * passed to checkPasswordStrength as `contextWords`. ASCII words of one or two letters ('hy') count only as
 * the whole stem of the password, e.g. 'Hy@123456'.
 */
export const HENGYANG_CONTEXT_WORDS: readonly string[] = Object.freeze([
  // 衡阳, 衡阳市教育局 (initials, pinyin), 教育局
  'hengyang',
  'hy',
  'jyj',
  'jiaoyuju',
  '衡阳',
  '教育局',
  // the city's county-level units (pinyin)
  'zhuhui',
  'yanfeng',
  'shigu',
  'zhengxiang',
  'nanyue',
  'hengnan',
  'hengshan',
  'hengdong',
  'qidong',
  'leiyang',
  'changning',
]);
