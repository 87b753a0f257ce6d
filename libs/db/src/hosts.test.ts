import { describe, expect, it } from 'vitest';
import { choosePrimary, parseHosts } from './hosts.ts';

describe('a URL naming several hosts', () => {
  it('lists them in order, each with its port (5432 when none), and rebuilds the URL for one', () => {
    const hosts = parseHosts('postgres://app:s3cret@db1.edu.local:5433,10.0.0.2,[fd00::7]:6432/hyedu?sslmode=require')!;
    expect(hosts.endpoints).toEqual([
      { host: 'db1.edu.local', port: 5433 },
      { host: '10.0.0.2', port: 5432 },
      { host: '[fd00::7]', port: 6432 },
    ]);
    expect(hosts.urlFor(hosts.endpoints[1]!)).toBe('postgres://app:s3cret@10.0.0.2:5432/hyedu?sslmode=require');
    expect(parseHosts('postgresql://127.0.0.1/test')!.endpoints).toEqual([{ host: '127.0.0.1', port: 5432 }]);
  });

  it('is not a host list when it names none or is malformed (the driver then reads it as it is)', () => {
    expect(parseHosts('postgres:///hyedu?host=/var/run/postgresql')).toBeNull();
    expect(parseHosts('postgres://db1:5432,:5433/hyedu')).toBeNull();
    expect(parseHosts('mysql://db1/hyedu')).toBeNull();
  });
});

describe('choosing the primary', () => {
  const a = { host: 'a', port: 5432 };
  const b = { host: 'b', port: 5432 };
  it('is the first host that answers and is not in recovery', () => {
    expect(
      choosePrimary([
        { endpoint: a, error: 'connect ECONNREFUSED' },
        { endpoint: b, primary: true },
      ]),
    ).toBe(b);
    expect(
      choosePrimary([
        { endpoint: a, primary: true },
        { endpoint: b, primary: true },
      ]),
    ).toBe(a);
  });
  it('is none while every host is down or a standby (the current one is kept)', () => {
    expect(
      choosePrimary([
        { endpoint: a, error: 'timeout' },
        { endpoint: b, primary: false },
      ]),
    ).toBeNull();
  });
});
