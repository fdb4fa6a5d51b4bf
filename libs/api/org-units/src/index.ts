export * from './lib/org-units.module';
export * from './lib/admin-units/admin-units.service';
export * from './lib/facilities/facilities.service';
