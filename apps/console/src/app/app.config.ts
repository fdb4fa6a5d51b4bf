import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, LOCALE_ID, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { sessionInterceptor } from '@skss/console/auth';
import { LANGUAGE_LOCALES } from '@skss/console/i18n';
import { FacilityLookup, provideConsoleDates, provideConsoleI18n, uploadProgressInterceptor } from '@skss/console/ui';
import { provideApiConfiguration } from '@skss/contract';
import { appRoutes } from './app.routes';
import { ApiFacilityLookup } from './facility-lookup';
import { TranslatedTitleStrategy } from './title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    // XSRF: left at Angular's defaults on purpose. The API's XSRF-TOKEN cookie is copied into the X-XSRF-TOKEN header
    // of every unsafe request to a relative URL (the generated client's); the API refuses cookie sessions without it.
    // Uploads that report their progress go through XMLHttpRequest (fetch cannot): that interceptor stays last.
    provideHttpClient(withFetch(), withInterceptors([sessionInterceptor, uploadProgressInterceptor])),
    // The API document's paths already start with /api: same origin, no prefix.
    provideApiConfiguration(''),
    { provide: LOCALE_ID, useValue: LANGUAGE_LOCALES.vi },
    provideConsoleI18n(),
    provideConsoleDates(),
    { provide: FacilityLookup, useClass: ApiFacilityLookup },
  ],
};
