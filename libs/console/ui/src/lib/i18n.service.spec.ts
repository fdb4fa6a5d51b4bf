import { DOCUMENT, EnvironmentInjector, Injector, runInInjectionContext } from '@angular/core';
import { CONSOLE_LOADERS, DictionaryLoaders } from '@skss/console/i18n';
import { I18n, TRANSLATION_LOADERS, withTranslations } from './i18n.service';

/** The bits of a document the service touches: `<html lang>` and localStorage. */
function fakeDocument(stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [['skss.language', stored]] : []);
  return {
    documentElement: { lang: '' },
    defaultView: {
      localStorage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => storage.set(key, value),
      },
    },
    storage,
  };
}

function setUp(options: { stored?: string; loaders?: DictionaryLoaders } = {}) {
  const document = fakeDocument(options.stored);
  const injector = Injector.create({
    providers: [
      { provide: DOCUMENT, useValue: document },
      { provide: TRANSLATION_LOADERS, useValue: options.loaders ?? CONSOLE_LOADERS },
      { provide: I18n, useClass: I18n },
    ],
  });
  return { i18n: injector.get(I18n), document, injector };
}

/** The console's loaders, with English unreachable (a dropped connection). */
const offlineEnglish: DictionaryLoaders = {
  core: { ...CONSOLE_LOADERS.core, en: () => Promise.reject(new Error('offline')) },
  scopes: CONSOLE_LOADERS.scopes,
};

describe('I18n', () => {
  it('speaks Vietnamese by default, with the console-wide texts at once', () => {
    const { i18n, document } = setUp();
    expect(i18n.language()).toBe('vi');
    expect(document.documentElement.lang).toBe('vi');
    expect(i18n.t('common.retry')).toBe('Thử lại');
    expect(i18n.t('error.server', { status: 502 })).toBe('Máy chủ gặp lỗi (mã 502)');
    expect(i18n.locale()).toBe('vi');
  });

  it('fetches a feature’s texts when a screen asks for them', async () => {
    const { i18n } = setUp();
    await i18n.use('admin');
    expect(i18n.t('admin.users.title')).toBe('Tài khoản');
    expect(i18n.t('admin.roles.memberCount', { count: 3 })).toBe('3 tài khoản');
  });

  it('switches every text in use to English once English has arrived, and remembers it', async () => {
    const { i18n, document } = setUp();
    await i18n.use('org');
    expect(await i18n.setLanguage('en')).toBe(true);
    expect(i18n.language()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.storage.get('skss.language')).toBe('en');
    expect(i18n.t('org.tree.title')).toBe('Administrative tree');
    expect(i18n.t('common.retry')).toBe('Retry');
  });

  it('keeps Vietnamese when English cannot be fetched', async () => {
    const { i18n, document } = setUp({ loaders: offlineEnglish });
    expect(await i18n.setLanguage('en')).toBe(false);
    expect(i18n.language()).toBe('vi');
    expect(document.documentElement.lang).toBe('vi');
    expect(i18n.t('common.retry')).toBe('Thử lại');
  });

  it('starts in the language chosen last time, or in Vietnamese when that cannot be fetched', async () => {
    const english = setUp({ stored: 'en' });
    await english.i18n.restore();
    expect(english.i18n.language()).toBe('en');
    expect(english.i18n.t('app.signOut')).toBe('Sign out');

    const offline = setUp({ stored: 'en', loaders: offlineEnglish });
    await offline.i18n.restore();
    expect(offline.i18n.language()).toBe('vi');

    const unknown = setUp({ stored: 'fr' });
    await unknown.i18n.restore();
    expect(unknown.i18n.language()).toBe('vi');
  });

  it('shows the key, then the text, for a scope nobody asked for yet', async () => {
    const { i18n } = setUp();
    expect(i18n.t('auth.login.submit')).toBe('auth.login.submit');
    await i18n.use('auth');
    expect(i18n.t('auth.login.submit')).toBe('Đăng nhập');
  });

  it('labels shared vocabularies in the current language', async () => {
    const { i18n } = setUp();
    expect(i18n.label({ vi: 'Tại nhà', en: 'At home' })).toBe('Tại nhà');
    await i18n.setLanguage('en');
    expect(i18n.label({ vi: 'Tại nhà', en: 'At home' })).toBe('At home');
  });
});

describe('withTranslations', () => {
  it('resolves to the route’s code once the scope’s texts are there too', async () => {
    const { i18n, injector } = setUp();
    const load = withTranslations('admin', () => Promise.resolve('routes'));
    const loaded = await runInInjectionContext(injector as unknown as EnvironmentInjector, load);
    expect(loaded).toBe('routes');
    expect(i18n.t('admin.audit.title')).toBe('Nhật ký hệ thống');
  });

  it('fails the navigation when the texts cannot be fetched', async () => {
    const { injector } = setUp({
      loaders: {
        ...CONSOLE_LOADERS,
        scopes: {
          ...CONSOLE_LOADERS.scopes,
          admin: { vi: () => Promise.reject(new Error('offline')), en: () => Promise.reject(new Error('offline')) },
        },
      },
    });
    const load = withTranslations('admin', () => Promise.resolve('routes'));
    await expect(runInInjectionContext(injector as unknown as EnvironmentInjector, load)).rejects.toThrow('offline');
  });
});
