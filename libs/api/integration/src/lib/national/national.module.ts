import { Module } from '@nestjs/common';
import { AuthModule } from '@skss/api/auth';
import { InboundModule } from '../inbound/inbound.module';
import { NationalTokenService } from './auth/national-token.service';
import { NationalTokenStrategy } from './auth/national-token.strategy';
import { NationalController } from './national.controller';
import { NationalReceiptService } from './receipt/national-receipt.service';
import { NationalTransactionsRepository } from './receipt/national-transactions.repository';

/**
 * The national "liên thông" endpoint (issue 8 item 2, docs/national-endpoint.md): the paths HIS
 * vendors already use for the national portal, its token as a Passport strategy of the global
 * guard, and XML packages written through the inbound IngestionService.
 */
@Module({
  imports: [AuthModule, InboundModule],
  controllers: [NationalController],
  providers: [NationalTokenService, NationalTokenStrategy, NationalReceiptService, NationalTransactionsRepository],
})
export class NationalModule {}
