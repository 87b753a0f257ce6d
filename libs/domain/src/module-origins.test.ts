import { describe, expect, it } from 'vitest';
import { entryOrigin, entryRefusal, entryShapeRefusal, ModuleOrigin, ModuleOriginNote } from './module-origins.ts';
import { moduleUpdateFor } from './modules.ts';

const allowed = ['https://safety.hyedu.example', 'http://10.1.2.3:8080'];
const originMessage = (text: unknown) => ModuleOrigin.safeParse(text).error?.issues[0]?.message;

describe('where module code may come from', () => {
  it('accepts the platform’s own paths and allow-listed origins, compared exactly', () => {
    for (const entry of [
      '/mf/safety/1.2.0/remoteEntry.js',
      '/mf/safety/remoteEntry.js?v=2',
      'https://safety.hyedu.example/mf/remoteEntry.js',
      'HTTPS://SAFETY.hyedu.example:443/x.js',
      'http://10.1.2.3:8080/remoteEntry.js',
    ]) {
      expect(entryRefusal(entry, allowed), entry).toBeNull();
    }
    expect(entryOrigin('/mf/safety/remoteEntry.js')).toBeNull();
    expect(entryOrigin('HTTPS://SAFETY.hyedu.example:443/x.js')).toBe('https://safety.hyedu.example');
  });

  it('refuses an origin that is not on the list, however close', () => {
    for (const entry of [
      'https://evil.example/remoteEntry.js',
      'http://safety.hyedu.example/remoteEntry.js', // the other scheme
      'https://safety.hyedu.example:8443/remoteEntry.js', // another port
      'https://safety.hyedu.example.evil.example/remoteEntry.js', // a suffix
      'https://evil.example/https://safety.hyedu.example/remoteEntry.js',
      'http://10.1.2.3/remoteEntry.js',
    ]) {
      expect(entryRefusal(entry, allowed), entry).toMatch(/^入口地址的来源 \S+ 不在模块来源名单中，请先登记该来源$/);
    }
    expect(entryRefusal('https://evil.example/remoteEntry.js', [])).toBe(
      '入口地址的来源 https://evil.example 不在模块来源名单中，请先登记该来源',
    );
  });

  it('refuses paths that a browser would read as another host, credentials and other schemes, whatever the list', () => {
    const cases: [string, string][] = [
      ['//evil.example/remoteEntry.js', '入口地址应为以 / 开头的路径或 http(s) 地址'],
      ['/\\evil.example/remoteEntry.js', '入口地址应为以 / 开头的路径或 http(s) 地址'],
      ['/mf/../api/trpc/x', '入口地址的路径不规范（不能含 . 或 .. 段、# 等）'],
      ['/mf/./safety/remoteEntry.js', '入口地址的路径不规范（不能含 . 或 .. 段、# 等）'],
      ['/mf/safety/remoteEntry.js#x', '入口地址的路径不规范（不能含 . 或 .. 段、# 等）'],
      ['https://user:pw@safety.hyedu.example/remoteEntry.js', '入口地址不能包含用户名或密码'],
      ['https://safety.hyedu.example@evil.example/remoteEntry.js', '入口地址不能包含用户名或密码'],
      ['javascript:alert(1)', '入口地址应为以 / 开头的路径或 http(s) 地址'],
      ['data:text/javascript,alert(1)', '入口地址应为以 / 开头的路径或 http(s) 地址'],
      ['ftp://safety.hyedu.example/remoteEntry.js', '入口地址应为以 / 开头的路径或 http(s) 地址'],
      ['remoteEntry.js', '入口地址应为以 / 开头的路径或 http(s) 地址'],
      ['/mf/safety/remote Entry.js', '入口地址应为以 / 开头的路径或 http(s) 地址'],
      ['https://a;b.example/x.js', '入口地址的主机名无效'],
      ['https://*.example/x.js', '入口地址的主机名无效'],
      ['', '入口地址应为以 / 开头的路径或 http(s) 地址'],
      [`/${'a'.repeat(500)}`, '入口地址应为以 / 开头的路径或 http(s) 地址'],
    ];
    for (const [entry, message] of cases) {
      expect(entryShapeRefusal(entry), entry).toBe(message);
      expect(entryRefusal(entry, [...allowed, 'https://evil.example']), entry).toBe(message);
    }
  });

  it('stores an allow-listed origin in its canonical form and refuses anything that is not just an origin', () => {
    expect(ModuleOrigin.parse(' HTTPS://Safety.HYEDU.example:443/ ')).toBe('https://safety.hyedu.example');
    expect(ModuleOrigin.parse('http://10.1.2.3:8080')).toBe('http://10.1.2.3:8080');
    expect(ModuleOrigin.parse('https://xn--fiqs8s.example')).toBe('https://xn--fiqs8s.example');
    expect(ModuleOrigin.parse('https://中国.example')).toBe('https://xn--fiqs8s.example');
    const cases: [unknown, string][] = [
      ['', '请输入来源地址'],
      ['safety.hyedu.example', '来源应为 https://主机名[:端口] 的形式'],
      ['ftp://safety.hyedu.example', '来源应为 https://主机名[:端口] 的形式'],
      ['https://safety.hyedu.example/mf/', '来源只含协议、主机名和端口，不含路径'],
      ['https://safety.hyedu.example?x', '来源只含协议、主机名和端口，不含路径'],
      ['https://safety.hyedu.example#x', '来源只含协议、主机名和端口，不含路径'],
      ['https://u:p@safety.hyedu.example', '来源不能包含用户名或密码'],
      ['https://*.hyedu.example', '来源的主机名无效'],
      ['https://a;script-src', '来源的主机名无效'],
      [42, '请输入来源地址'],
    ];
    for (const [text, message] of cases) expect(originMessage(text), String(text)).toBe(message);
    expect(ModuleOriginNote.safeParse('安全稳定科模块服务器').success).toBe(true);
    expect(ModuleOriginNote.safeParse('  ').error?.issues[0]?.message).toBe('请填写说明（例如哪个科室的模块服务器）');
  });

  it('the registry change is checked against the list on its field', () => {
    const update = moduleUpdateFor(allowed);
    expect(update.parse({ remoteEntry: 'https://safety.hyedu.example/remoteEntry.js', version: '1.2.0' })).toEqual({
      remoteEntry: 'https://safety.hyedu.example/remoteEntry.js',
      version: '1.2.0',
    });
    expect(update.parse({ enabled: false })).toEqual({ enabled: false });
    const refused = update.safeParse({ remoteEntry: 'https://evil.example/remoteEntry.js' }).error?.issues;
    expect(refused).toEqual([
      expect.objectContaining({ path: ['remoteEntry'], message: '入口地址的来源 https://evil.example 不在模块来源名单中，请先登记该来源' }),
    ]);
    expect(update.safeParse({ remoteEntry: '//evil.example/x.js' }).error?.issues.map((i) => i.message)).toEqual([
      '入口地址应为以 / 开头的路径或 http(s) 地址',
    ]);
  });
});
