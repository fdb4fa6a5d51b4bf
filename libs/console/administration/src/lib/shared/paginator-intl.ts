import { effect, inject, Injectable, Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { AdminI18n } from './admin-i18n';

/** "Số dòng mỗi trang", "1 – 50 trên 132"… in the console's language. */
@Injectable()
export class AdminPaginatorIntl extends MatPaginatorIntl {
  private readonly admin = inject(AdminI18n);

  constructor() {
    super();
    effect(() => {
      const t = this.admin.t.bind(this.admin);
      this.itemsPerPageLabel = t('paginator.itemsPerPage');
      this.nextPageLabel = t('paginator.next');
      this.previousPageLabel = t('paginator.previous');
      this.firstPageLabel = t('paginator.first');
      this.lastPageLabel = t('paginator.last');
      const range = t('paginator.range');
      this.getRangeLabel = (page, pageSize, length) => {
        if (length === 0) return t('paginator.empty');
        const start = page * pageSize + 1;
        const end = Math.min(length, (page + 1) * pageSize);
        return range.replace('{start}', String(start)).replace('{end}', String(end)).replace('{total}', String(length));
      };
      this.changes.next();
    });
  }
}

/** For a page component's `providers`: kept out of the shell so that nothing of it lands in the initial bundle. */
export function provideAdminPaginatorIntl(): Provider {
  return { provide: MatPaginatorIntl, useClass: AdminPaginatorIntl };
}
