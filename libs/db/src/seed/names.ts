/** Name parts for synthetic school names. */

/** Brands used by 民办 schools and kindergartens. */
export const SCHOOL_BRANDS = [
  '育才', '英才', '博雅', '明德', '启航', '育英', '弘毅', '树人', '正源', '华源', '春晖', '立德', '致远', '博文',
  '新星', '阳光', '蓝天', '华星', '求实', '崇德', '卓越', '精诚', '思源', '文华',
] as const;

export const KINDERGARTEN_BRANDS = [
  '童心', '小天使', '金太阳', '小太阳', '蓝天', '阳光', '七彩', '贝贝', '爱心', '快乐', '小博士', '蒙特梭利', '新苗',
  '春苗', '彩虹', '星星', '启蒙', '育苗', '金色童年', '小精灵', '童乐', '花朵', '明珠', '小海豚', '红黄蓝', '金贝贝',
  '艺术', '双语', '博雅', '启航', '育才', '英才', '明德', '未来星', '小哈佛', '乐乐', '智慧树', '金苹果', '小主人',
  '希望', '萌芽', '开心', '天天', '春蕾', '晨曦', '欣欣', '苗苗', '贝乐', '童趣', '小红帽', '宝贝', '金童', '向日葵',
  '百灵', '梦想', '亲亲', '乐童', '小星星', '童梦', '蓓蕾',
] as const;

/** Village-name syllables (common 湘南 place-name parts); a village name is first + second. */
const VILLAGE_FIRST = [
  '石', '龙', '新', '花', '白', '杨', '大', '高', '长', '黄', '枫', '桃', '竹', '荷', '柏', '金', '樟', '松', '梅',
  '马', '清', '丰', '和', '仁', '福', '永', '太', '东', '西', '南', '北', '双', '青', '红', '凤', '鹤', '云', '兴',
];
const VILLAGE_SECOND = [
  '塘', '冲', '坪', '湾', '桥', '岭', '山', '田', '洲', '江', '铺', '源', '溪', '坳', '湖', '口', '峰', '林', '坝',
];

export const VILLAGE_NAMES: readonly string[] = VILLAGE_FIRST.flatMap((a) =>
  VILLAGE_SECOND.filter((b) => b !== a).map((b) => `${a}${b}`),
);

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 17 → 十七, 26 → 二十六 (1–99). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumber: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `${t}${ones === 0 ? '' : DIGITS[ones]}`;
}
