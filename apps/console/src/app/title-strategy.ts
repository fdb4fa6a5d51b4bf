import { effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { isTranslationKey, TranslationKey } from '@skss/console/i18n';
import { I18n } from '@skss/console/ui';

/** Document titles "<page> – Hệ thống thông tin SKBMTE/SKSS", following the language without a navigation. */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly pageKey = signal<TranslationKey | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const key = this.pageKey();
      const system = this.i18n.t('app.systemName');
      this.title.setTitle(key ? `${this.i18n.t(key)} – ${system}` : system);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const title = this.buildTitle(snapshot);
    this.pageKey.set(isTranslationKey(title) ? title : undefined);
  }
}
