import { Module } from '@nestjs/common';
import { RecordsContext } from '../shared/records-context';
import { RegisterBulkWriter } from './register-bulk-writer';

/**
 * The set-based write path of the registers (RegisterBulkWriter) and what validating a batch needs
 * (RecordsContext: catalogs, facilities), for the Excel import and the integration API alike.
 */
@Module({
  providers: [RecordsContext, RegisterBulkWriter],
  exports: [RecordsContext, RegisterBulkWriter],
})
export class RegisterBulkModule {}
