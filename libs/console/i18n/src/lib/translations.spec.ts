import { DictionaryLoaders, Translations } from './translations';
import { Dictionary, interpolate } from './translate';
import { isTranslationKey, scopeOf, SCOPES, TranslationKey } from './scopes';

/** Loaders over fixtures that count their calls and can be made to fail, as a dropped connection would. */
function fixtures() {
  const calls: string[] = [];
  let failing = false;
  const serve =
    (name: string, dictionary: Dictionary): (() => Promise<Dictionary>) =>
    () => {
      calls.push(name);
      return failing ? Promise.reject(new Error('offline')) : Promise.resolve(dictionary);
    };
  const scope = (vi: Dictionary, en: Dictionary, name: string) => ({ vi: serve(`${name}:vi`, vi), en: serve(`${name}:en`, en) });
  const loaders: DictionaryLoaders = {
    core: { vi: serve('core:vi', {}), en: serve('core:en', { 'common.retry': 'Retry', 'error.server': 'Server failed ({status})' }) },
    scopes: {
      ...(Object.fromEntries(SCOPES.map((name) => [name, scope({}, {}, name)])) as DictionaryLoaders['scopes']),
      admin: scope({ 'users.title': 'Tài khoản', 'users.count': '{total} tài khoản' }, { 'users.title': 'Accounts' }, 'admin'),
    },
  };
  return { loaders, calls, fail: (value: boolean) => (failing = value) };
}

const key = (text: string) => text as TranslationKey;

describe('Translations', () => {
  it('has the Vietnamese console-wide texts without loading anything', () => {
    const { loaders, calls } = fixtures();
    const translations = new Translations(loaders);
    expect(translations.text('vi', 'common.retry')).toBe('Thử lại');
    expect(translations.text('vi', 'error.server', { status: 502 })).toBe('Máy chủ gặp lỗi (mã 502)');
    expect(translations.isLoaded('vi')).toBe(true);
    expect(calls).toEqual([]);
  });

  it('loads a scope once per language, even when asked again while it is on its way', async () => {
    const { loaders, calls } = fixtures();
    let loads = 0;
    const translations = new Translations(loaders, () => loads++);
    await Promise.all([translations.load('vi', 'admin'), translations.load('vi', 'admin')]);
    await translations.load('vi', 'admin');
    expect(calls).toEqual(['admin:vi']);
    expect(loads).toBe(1);
    expect(translations.text('vi', key('admin.users.count'), { total: 3 })).toBe('3 tài khoản');
  });

  it('falls back to Vietnamese, then to the key, while a text is missing', async () => {
    const { loaders } = fixtures();
    const translations = new Translations(loaders);
    expect(translations.text('en', 'common.retry')).toBe('Thử lại');
    expect(translations.text('en', key('admin.users.title'))).toBe('admin.users.title');
    await translations.load('vi', 'admin');
    expect(translations.text('en', key('admin.users.title'))).toBe('Tài khoản');
    await Promise.all([translations.load('en'), translations.load('en', 'admin')]);
    expect(translations.text('en', 'common.retry')).toBe('Retry');
    expect(translations.text('en', key('admin.users.title'))).toBe('Accounts');
    expect(translations.text('en', key('admin.users.count'), { total: 2 })).toBe('2 tài khoản');
  });

  it('forgets a failed fetch so that the next call tries again', async () => {
    const { loaders, calls, fail } = fixtures();
    const translations = new Translations(loaders);
    fail(true);
    await expect(translations.load('en')).rejects.toThrow('offline');
    expect(translations.isLoaded('en')).toBe(false);
    fail(false);
    await translations.load('en');
    expect(translations.isLoaded('en')).toBe(true);
    expect(calls).toEqual(['core:en', 'core:en']);
  });

  it('fills placeholders and keeps unknown ones', () => {
    expect(interpolate('Hiển thị {shown} trên {total} kết quả', { shown: 20, total: 132 })).toBe('Hiển thị 20 trên 132 kết quả');
    expect(interpolate('Xem {name} {missing}', { name: 'Điện Biên' })).toBe('Xem Điện Biên {missing}');
    expect(interpolate('Không đổi')).toBe('Không đổi');
  });
});

describe('keys', () => {
  it('name their scope by their first segment', () => {
    expect(scopeOf('admin.users.title')).toBe('admin');
    expect(scopeOf('org.tree.title')).toBe('org');
    expect(scopeOf('common.retry')).toBeNull();
    expect(scopeOf('administration.x')).toBeNull();
  });

  it('are recognised for route titles', () => {
    expect(isTranslationKey('nav.users')).toBe(true);
    expect(isTranslationKey('auth.login.title')).toBe(true);
    expect(isTranslationKey('Trang chủ')).toBe(false);
    expect(isTranslationKey(undefined)).toBe(false);
  });
});
