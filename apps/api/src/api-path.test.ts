import { describe, expect, it } from 'vitest';
import { namesApi, nonCanonicalApiPath, normalisedPath } from './api-path.ts';

describe('API path spellings', () => {
  it('reads a request-target as generously as any router or proxy might', () => {
    expect(normalisedPath('/%61pi/trpc/x')).toBe('/api/trpc/x');
    expect(normalisedPath('/%2561PI//trpc/./x/')).toBe('/api/trpc/x');
    expect(normalisedPath('/a/b/../../api\\trpc')).toBe('/api/trpc');
    expect(normalisedPath('http://host:80/api/health?x=1')).toBe('/api/health');
    expect(normalisedPath('/%E0%A4%A/api')).toBe('/%e0%a4%a/api'); // undecodable: left as it is
  });

  it('knows which targets name the API', () => {
    for (const t of ['/api', '/api/', '/api/trpc/a.b', '/API;x', '/x/..%2Fapi/health']) expect(namesApi(t), t).toBe(true);
    for (const t of ['/', '/apis', '/api-docs', '/safety/api', '/mf/api/remoteEntry.js']) expect(namesApi(t), t).toBe(false);
  });

  it('accepts only the spelling our client uses', () => {
    for (const t of [
      '/api/health',
      '/api/trpc/auth.login',
      '/api/trpc/platform.units,auth.me?batch=1&input=%7B%7D',
      '/api/trpc/safety.hazards.list?input=%7B%22q%22%3A%22..%2F%22%7D',
    ]) {
      expect(nonCanonicalApiPath(t), t).toBe(false);
    }
    for (const t of [
      '/api',
      '/api/',
      '/api/trpc/a.b/',
      '/api/trpc/./a',
      '/api/trpc/.hidden',
      '/api/%74rpc/a',
      '/API/trpc/a',
      '//api/trpc/a',
      '/api/trpc/a#b',
      '/api\\trpc/a',
      'http://h/api/trpc/a',
    ]) {
      expect(nonCanonicalApiPath(t), t).toBe(true);
    }
    // Anything that is not the API is none of this check's business.
    for (const t of ['/safety/schools?unit=430422', '/%E5%AE%89%E5%85%A8', '/assets/index-AbCdEf12.js'])
      expect(nonCanonicalApiPath(t), t).toBe(false);
  });
});
