import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@skss/console/ui';

@Component({
  selector: 'skss-not-found',
  imports: [MatButton, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'notFound.title' | translate }}</h1>
    <p>{{ 'notFound.text' | translate }}</p>
    <a matButton="filled" routerLink="/">{{ 'notFound.home' | translate }}</a>
  `,
  styles: `
    :host {
      display: block;
      padding: 32px 24px;
    }
    h1 {
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class NotFound {}
