import { Module } from '@nestjs/common';

/** Statistical reports (subsystem đ): monthly forms computed from the registers, sent up and approved. */
@Module({
  controllers: [],
  providers: [],
})
export class StatisticalReportsModule {}
