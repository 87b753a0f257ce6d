/**
 * 乡镇/街道 of Hengyang's 13 county-level education units, for synthetic seed data only.
 *
 * Names follow public geography as far as known (township lists change with 撤乡并镇 reforms, so
 * treat them as "about 2020", not as an authoritative roster); where a list was thin it is topped
 * up with plausible names, marked `filler` in the comment of that list. 高新区 has no townships of its
 * own in GB/T 2260; its list is plausible, not real.
 *
 * `urban` is true for 街道 and for the county seat town (县城所在镇), which is the county's 城区.
 * `population` is an approximate 2020 常住 population in units of 10,000, consistent with the bands
 * in docs/domain/org.md; it is used only as a weight for how many schools a unit gets.
 */
export interface Town {
  name: string;
  urban: boolean;
  /** County seat (县城/城区 core); the county's big schools go here. */
  seat: boolean;
}

export interface UnitTowns {
  unitCode: string;
  /** 常住人口, 万人 (approximate, weight only). */
  population: number;
  towns: readonly Town[];
}

function towns(seat: string, names: string): Town[] {
  return names
    .split(/\s+/)
    .filter((n) => n.length > 0)
    .map((name) => ({ name, urban: name.endsWith('街道') || name === seat, seat: name === seat }));
}

export const UNIT_TOWNS: readonly UnitTowns[] = [
  {
    unitCode: '430405', // 珠晖区
    population: 39,
    towns: towns('广东路街道', '广东路街道 东风路街道 冶金街道 苗圃街道 粤汉街道 衡州路街道 东阳渡街道 茶山坳镇 和平乡 酃湖乡'),
  },
  {
    unitCode: '430406', // 雁峰区
    population: 21,
    towns: towns('先锋街道', '先锋街道 天马山街道 白沙洲街道 雁峰街道 黄茶岭街道 金龙坪街道 岳屏镇 湘江乡'),
  },
  {
    unitCode: '430407', // 石鼓区
    population: 21,
    towns: towns('人民路街道', '人民路街道 青山街道 潇湘街道 五一街道 合江街道 黄沙湾街道 角山镇 松木乡'),
  },
  {
    unitCode: '430408', // 蒸湘区 (filler: 船山 西湖 华源 太平)
    population: 39,
    towns: towns('红湘街道', '红湘街道 联合街道 蒸湘街道 船山街道 西湖街道 华源街道 太平街道 呆鹰岭镇 雨母山镇'),
  },
  {
    unitCode: '430412', // 南岳区 (filler: 金沙 岳林 拜殿 龙凤 水濂)
    population: 5.5,
    towns: towns('祝融街道', '祝融街道 金沙街道 岳林街道 南岳镇 寿岳乡 拜殿乡 龙凤乡 水濂乡'),
  },
  {
    unitCode: '430421', // 衡阳县, seat 西渡镇
    population: 95,
    towns: towns(
      '西渡镇',
      '西渡镇 集兵镇 杉桥镇 井头镇 演陂镇 金兰镇 洪市镇 曲兰镇 金溪镇 界牌镇 渣江镇 三湖镇 台源镇 关市镇 库宗镇 石市镇 ' +
        '岘山镇 长安乡 大安乡 樟木乡 板市乡 溪江乡 岣嵝乡 栏垅乡',
    ),
  },
  {
    unitCode: '430422', // 衡南县, seat 云集镇
    population: 80,
    towns: towns(
      '云集镇',
      '云集镇 茶市镇 冠市镇 江口镇 宝盖镇 花桥镇 松江镇 泉溪镇 洪山镇 三塘镇 谭子山镇 车江镇 硫市镇 栗江镇 近尾洲镇 ' +
        '咸塘镇 廖田镇 鸡笼镇 向阳镇 川口镇 铁丝塘镇 相市乡 岐山乡 洲市乡',
    ),
  },
  {
    unitCode: '430423', // 衡山县, seat 开云镇
    population: 33,
    towns: towns('开云镇', '开云镇 店门镇 新桥镇 萱洲镇 长江镇 白果镇 东湖镇 马迹镇 贯塘乡 岭坡乡 永和乡 江东乡 福田铺乡 望峰乡'),
  },
  {
    unitCode: '430424', // 衡东县, seat 城关镇
    population: 57,
    towns: towns(
      '城关镇',
      '城关镇 洣水镇 新塘镇 大浦镇 吴集镇 甘溪镇 杨林镇 草市镇 杨桥镇 霞流镇 荣桓镇 石湾镇 高湖镇 白莲镇 蓬源镇 三樟镇 ' + '大桥镇 南湾乡',
    ),
  },
  {
    unitCode: '430426', // 祁东县, seat 洪桥街道
    population: 83,
    towns: towns(
      '洪桥街道',
      '洪桥街道 永昌街道 玉合街道 白地市镇 归阳镇 过水坪镇 黄土铺镇 风石堰镇 步云桥镇 砖塘镇 双桥镇 粮市镇 官家嘴镇 ' +
        '石亭子镇 灵官镇 金桥镇 蒋家桥镇 太和堂镇 河洲镇 凤歧坪乡 马杜桥乡 四明山乡',
    ),
  },
  {
    unitCode: '430481', // 耒阳市, seat 蔡子池街道
    population: 112,
    towns: towns(
      '蔡子池街道',
      '蔡子池街道 水东江街道 灶市街街道 三架街道 五里牌街道 龙塘镇 哲桥镇 新市镇 小水镇 公平圩镇 南京镇 夏塘镇 遥田镇 ' +
        '黄市镇 竹市镇 马水镇 仁义镇 大市镇 淝田镇 大义镇 东湖圩镇 亮源乡 长坪乡 导子乡 太平圩乡 上架乡',
    ),
  },
  {
    unitCode: '430482', // 常宁市, seat 宜阳街道
    population: 76,
    towns: towns(
      '宜阳街道',
      '宜阳街道 泉峰街道 培元街道 水口山镇 松柏镇 柏坊镇 烟洲镇 庙前镇 荫田镇 白沙镇 西岭镇 胜桥镇 三角塘镇 罗桥镇 ' +
        '板桥镇 洋泉镇 官岭镇 新河镇 蓬塘乡 兰江乡 塔山瑶族乡 大堡乡',
    ),
  },
  {
    unitCode: '430472', // 高新区 (all filler, all urban)
    population: 10,
    towns: towns('华新街道', '华新街道 华兴街道 雁城街道 立新街道 长湖街道 光明街道 来雁街道 解放街道'),
  },
];

/** Town name without its 街道/镇/乡 suffix, for names such as 耒阳市蔡子池小学. */
export function townStem(name: string): string {
  return name.replace(/(瑶族乡|街道|镇|乡)$/, '');
}
