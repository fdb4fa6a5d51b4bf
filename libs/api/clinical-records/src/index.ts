export * from './lib/clinical-records.module';
export * from './lib/period-lock/register-lock.service';
export * from './lib/registers/register-records.service';
export * from './lib/registers/register-tables';
export * from './lib/persons/person-writer';
export * from './lib/excel/register-excel.module';
