import { signal } from '@angular/core';
import type { Remote, RemoteRef } from './remote';
import { remoteListView } from './remote-list';

/** A ref in a given state, with the value a reload keeps (remote() keeps the last one while loading again). */
function refOf(state: Remote<readonly string[]>, kept?: readonly string[]): RemoteRef<readonly string[]> {
  const value = state.status === 'loaded' ? state.value : kept;
  return {
    state: signal(state),
    value: signal(value),
    loading: signal(state.status === 'loading'),
    error: signal(state.status === 'error' ? state.error : undefined),
    reload: () => undefined,
  };
}

describe('remoteListView', () => {
  it('shows the failure, whatever was there before', () => {
    expect(remoteListView(refOf({ status: 'error', error: new Error('503') }))).toBe('error');
  });

  it('shows a progress bar until the list first arrives, then keeps it on screen through a reload', () => {
    expect(remoteListView(refOf({ status: 'loading' }))).toBe('loading');
    expect(remoteListView(refOf({ status: 'loading' }, ['a']))).toBe('items');
  });

  it('tells an empty list from one with items, and shows nothing asked yet as empty', () => {
    expect(remoteListView(refOf({ status: 'loaded', value: [] }))).toBe('empty');
    expect(remoteListView(refOf({ status: 'loaded', value: ['a', 'b'] }))).toBe('items');
    expect(remoteListView(refOf({ status: 'idle' }))).toBe('empty');
  });
});
