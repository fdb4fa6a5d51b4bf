import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslationKey, TranslationParams } from '@skss/console/i18n';
import { I18n } from './i18n.service';

/**
 * `{{ 'org.page.title' | translate }}`, `{{ 'org.tree.count' | translate: { count: 63 } }}`.
 * Keys are type-checked by strict templates. Impure so that a language switch re-renders the text:
 * the lookup is a property read, and the language signal read here is tracked by the view.
 */
@Pipe({ name: 'translate', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
