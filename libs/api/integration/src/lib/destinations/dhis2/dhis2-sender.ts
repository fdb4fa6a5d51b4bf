import { Injectable } from '@nestjs/common';
import { AppConfig, InjectAppConfig, PrismaService } from '@skss/api/core';
import { todayInVietnam } from '@skss/domain';
import { DeliveryOutcome, OutboxItemRow, OutboxSender } from '../../outbox/outbox.types';
import { deliverHttp } from '../http';
import { dhis2Authorization } from './dhis2-auth';
import { buildDataValueSet, Dhis2FormMap, importSummary, ReportValues } from './dhis2-data-value-set';

/**
 * Approved report values → the health statistics software, `POST /api/dataValueSets` (JSON),
 * through the mapping of form cells and facilities (dhis2-mapping.service.ts). The import summary
 * is stored with the item. A form without a mapping is a configuration problem: the item is
 * dead-lettered at once and re-sent by hand once the mapping exists.
 */
@Injectable()
export class Dhis2Sender implements OutboxSender {
  readonly destination = 'DHIS2' as const;

  constructor(
    private readonly prisma: PrismaService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  configured(): boolean {
    return this.config.outbound.dhis2 !== null;
  }

  schedule(): string {
    return this.config.outbound.dhis2?.schedule ?? '0 0 2 * * *';
  }

  async deliver(item: OutboxItemRow, idempotencyKey: string): Promise<DeliveryOutcome> {
    const dhis2 = this.config.outbound.dhis2;
    if (!dhis2) return { ok: false, error: 'DHIS2 is not configured' };
    const report = item.payload as unknown as ReportValues & { facilityId: number };
    const db = this.prisma.raw;
    const [mapping, orgUnit, facility] = await Promise.all([
      db.dhis2FormMapping.findUnique({ where: { form: report.form } }),
      db.dhis2OrgUnit.findUnique({ where: { facilityId: report.facilityId } }),
      db.facility.findUnique({ where: { id: report.facilityId }, select: { code: true } }),
    ]);
    if (!mapping) return { ok: false, permanent: true, error: `DHIS2_MAPPING_MISSING: no DHIS2 mapping for form ${report.form}` };
    const map: Dhis2FormMap = { dataSet: mapping.dataSet, cells: mapping.cells as unknown as Dhis2FormMap['cells'] };
    const { dataValueSet, unmapped } = buildDataValueSet(
      report,
      map,
      orgUnit?.orgUnit ?? facility?.code ?? String(report.facilityId),
      todayInVietnam(),
    );
    const query = new URLSearchParams({ idScheme: dhis2.idScheme, importStrategy: 'CREATE_AND_UPDATE' });
    return deliverHttp(
      `${dhis2.baseUrl}/api/dataValueSets?${query}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': idempotencyKey,
          ...dhis2Authorization(dhis2),
        },
        body: JSON.stringify(dataValueSet),
      },
      this.config.outbound.requestTimeoutSeconds,
      (answer) => ({ ...importSummary(answer), sent: dataValueSet.dataValues.length, unmappedCells: unmapped }),
    );
  }
}
