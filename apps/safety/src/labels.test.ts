import { describe, expect, it } from 'vitest';
import { SafetyTopic } from '@hyedu/domain';
import { indicatorKeys, indicatorLabel, reviewLabel, termText, topicLabel } from './labels.ts';

describe('safety labels', () => {
  it('the Chinese words are the domain’s; every topic and indicator has an English one', () => {
    expect(topicLabel('drowning')).toBe('防溺水');
    for (const t of SafetyTopic.options) expect(topicLabel(t, 'en-US')).toMatch(/^[A-Z]/);
    expect(indicatorKeys('anti_ram').map((k) => indicatorLabel(k))).toEqual([
      '专职保安员配备',
      '封闭化管理',
      '一键式报警和视频监控联网',
      '硬质防冲撞设施安装',
    ]);
  });
  it('a county verifies (核实) a school’s status; no status is 未填报', () => {
    expect(reviewLabel('submitted')).toBe('待核实');
    expect(reviewLabel(null)).toBe('未填报');
    expect(reviewLabel('returned', 'en-US')).toBe('Returned');
  });
  it('terms read as school terms', () => {
    expect(termText('2022-2023-1')).toBe('2022-2023学年第一学期');
    expect(termText('2021-2022-2', 'en-US')).toBe('2021-2022 spring term');
  });
});
