import type { SeatArea, SeatSector, SeatWindow } from '../funding/seats.ts';
import { HENGYANG_TARGETS_2022 as T } from './targets.ts';

/**
 * The city projects the 2022 work priorities name one by one (第9项, and 第12项 for 楚怡中职), tracked individually on
 * the leadership's page. Quoted from the seed: “加快推进市十七中搬迁、衡钢中学初中部新建工程的建设。抓好市田家炳中学提质改造、
 * 市五中后勤综合楼建设、市职业中专女生宿舍扩建和示范性综合实践基地后续建设等项目的管理” (第9项); 第12项 names 楚怡中职
 * (衡南县职业中专) 改扩建. Two of them add no places (a 后勤综合楼, a dormitory): `addsSeats: false`.
 */
export interface NamedProject {
  key: string;
  name: string;
  itemNo: number;
  /** The unit the project belongs to: the city (局直) or a county. */
  unitCode: string;
  sector: SeatSector;
  area: SeatArea;
  addsSeats: boolean;
}

export const HENGYANG_NAMED_PROJECTS_2022: readonly NamedProject[] = [
  { key: 'shi17-relocation', name: '市十七中搬迁', itemNo: 9, unitCode: '430400', sector: 'general', area: 'urban', addsSeats: true },
  { key: 'henggang-junior', name: '衡钢中学初中部新建', itemNo: 9, unitCode: '430400', sector: 'general', area: 'urban', addsSeats: true },
  {
    key: 'tianjiabing-upgrade',
    name: '市田家炳中学提质改造',
    itemNo: 9,
    unitCode: '430400',
    sector: 'general',
    area: 'urban',
    addsSeats: true,
  },
  { key: 'shi5-logistics', name: '市五中后勤综合楼', itemNo: 9, unitCode: '430400', sector: 'general', area: 'urban', addsSeats: false },
  {
    key: 'vocational-dorm',
    name: '市职业中专女生宿舍扩建',
    itemNo: 9,
    unitCode: '430400',
    sector: 'vocational',
    area: 'urban',
    addsSeats: false,
  },
  { key: 'practice-base', name: '示范性综合实践基地', itemNo: 9, unitCode: '430400', sector: 'general', area: 'urban', addsSeats: true },
  {
    key: 'chuyi-hengnan-vocational',
    name: '楚怡中职（衡南县职业中专）改扩建',
    itemNo: 12,
    unitCode: '430422',
    sector: 'vocational',
    area: 'rural',
    addsSeats: true,
  },
];

/** The window the 33,730 places count in: the plan year (places in use by its end; 第9项 “高标准完成33730个学位建设任务”). */
export const HENGYANG_SEAT_WINDOW_2022: SeatWindow = { from: '2022-01-01', to: T.yearEnd };
