import { provideHttpClient, withFetch } from '@angular/common/http';
import { ApplicationConfig, LOCALE_ID, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { LANGUAGE_LOCALES } from '@skss/console/i18n';
import { provideConsoleDates } from '@skss/console/ui';
import { provideApiConfiguration } from '@skss/contract';
import { appRoutes } from './app.routes';
import { TranslatedTitleStrategy } from './title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideHttpClient(withFetch()),
    // The API document's paths already start with /api: same origin, no prefix.
    provideApiConfiguration(''),
    { provide: LOCALE_ID, useValue: LANGUAGE_LOCALES.vi },
    provideConsoleDates(),
  ],
};
