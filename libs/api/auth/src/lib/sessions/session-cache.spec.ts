import type { AppConfig, UserPrincipal } from '@skss/api/core';
import { CachedSession, SessionCache } from './session-cache';
import type { ResolvedSession } from './session-lookup';

const config = { sessionCacheSeconds: 30 } as AppConfig;

function cached(id: string, userId: string, loadedAt = Date.now()): CachedSession {
  return {
    session: { id, userId } as ResolvedSession,
    principal: { kind: 'user', userId, sessionId: id } as UserPrincipal,
    loadedAt,
  };
}

function listeningCache(): SessionCache {
  const cache = new SessionCache(config);
  cache.resume();
  return cache;
}

describe('SessionCache', () => {
  it('keeps nothing until its listener is connected, and forgets everything when it is lost', () => {
    const cache = new SessionCache(config);
    cache.put('t1', cached('s1', 'u1'), cache.stamp());
    expect(cache.get('t1')).toBeUndefined();
    cache.resume();
    cache.put('t1', cached('s1', 'u1'), cache.stamp());
    expect(cache.get('t1')).toBeDefined();
    cache.suspend();
    expect(cache.get('t1')).toBeUndefined();
  });

  it('keeps nothing with a lifetime of 0 seconds', () => {
    const cache = new SessionCache({ sessionCacheSeconds: 0 } as AppConfig);
    cache.resume();
    cache.put('t1', cached('s1', 'u1'), cache.stamp());
    expect(cache.get('t1')).toBeUndefined();
  });

  it('reads a session again once its lifetime is over', () => {
    const cache = listeningCache();
    cache.put('t1', cached('s1', 'u1', 1_000), cache.stamp());
    expect(cache.get('t1', 1_000 + 29_999)).toBeDefined();
    expect(cache.get('t1', 1_000 + 30_000)).toBeUndefined();
  });

  it('applies the notifications: one session, one account’s sessions, everything', () => {
    const cache = listeningCache();
    const fill = () => {
      cache.put('t1', cached('s1', 'u1'), cache.stamp());
      cache.put('t2', cached('s2', 'u1'), cache.stamp());
      cache.put('t3', cached('s3', 'u2'), cache.stamp());
    };
    const held = () => ['t1', 't2', 't3'].filter((token) => cache.get(token));
    fill();
    cache.invalidate('session:s2');
    expect(held()).toEqual(['t1', 't3']);
    fill();
    cache.invalidate('user:u1');
    expect(held()).toEqual(['t3']);
    fill();
    cache.invalidate('all');
    expect(held()).toEqual([]);
  });

  it('does not keep a session read before an invalidation that happened while it was read', () => {
    const cache = listeningCache();
    const stamp = cache.stamp();
    cache.invalidate('user:u1');
    cache.put('t1', cached('s1', 'u1'), stamp);
    expect(cache.get('t1')).toBeUndefined();
  });
});
