import { Injectable } from '@nestjs/common';
import { AppConfig, InjectAppConfig, PrismaService } from '@skss/api/core';
import { fieldsOf, isRecordRegister, REGISTER_TABLES } from '@skss/api/clinical-records';
import { DeliveryOutcome, OutboxItemRow, OutboxSender } from '../../outbox/outbox.types';
import { deliverHttp } from '../http';
import { buildRecordBundle, FhirPersonInput, FhirRecordInput, transactionSummary } from './fhir-bundle';

interface ChangePayload {
  register: string;
  recordId: string;
  personId: string | null;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
}

type Delegate = { findUnique(args: object): Promise<Record<string, unknown> | null> };

/**
 * New and changed records → the EHR repository as FHIR R4 transaction bundles (fhir-bundle.ts),
 * POSTed to FHIR_BASE_URL. The items are written by the triggers of the register tables; the
 * bundle is built from the record as it is at delivery, so several changes of a day send one bundle.
 */
@Injectable()
export class FhirSender implements OutboxSender {
  readonly destination = 'FHIR' as const;

  constructor(
    private readonly prisma: PrismaService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  configured(): boolean {
    return this.config.outbound.fhir !== null;
  }

  schedule(): string {
    return this.config.outbound.fhir?.schedule ?? '0 0 1 * * *';
  }

  async deliver(item: OutboxItemRow, idempotencyKey: string): Promise<DeliveryOutcome> {
    const fhir = this.config.outbound.fhir;
    if (!fhir) return { ok: false, error: 'FHIR is not configured' };
    const input = await this.load(item.payload as unknown as ChangePayload);
    if (!input) return { ok: true, response: { skipped: 'not a register sent to the EHR repository' } };
    return deliverHttp(
      fhir.baseUrl,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/fhir+json',
          accept: 'application/fhir+json',
          'idempotency-key': idempotencyKey,
          ...(fhir.token ? { authorization: `Bearer ${fhir.token}` } : {}),
        },
        body: JSON.stringify(buildRecordBundle(input)),
      },
      this.config.outbound.requestTimeoutSeconds,
      transactionSummary,
    );
  }

  /** The record and its person as they are now; a record gone since is sent as deleted. */
  async load(change: ChangePayload): Promise<FhirRecordInput | null> {
    const db = this.prisma.raw;
    if (change.register === 'persons') {
      const person = await this.person(change.recordId);
      return { register: 'persons', op: person ? 'update' : 'delete', recordId: change.recordId, record: null, person, facility: null };
    }
    if (!isRecordRegister(change.register)) return null;
    const table = REGISTER_TABLES[change.register];
    const row = await (db as unknown as Record<string, Delegate>)[table.delegate].findUnique({ where: { id: change.recordId } });
    if (!row) return { register: change.register, op: 'delete', recordId: change.recordId, record: null, person: null, facility: null };
    const [person, facility] = await Promise.all([
      row['personId'] ? this.person(row['personId'] as string) : Promise.resolve(null),
      db.facility.findUnique({ where: { id: row['facilityId'] as number }, select: { code: true, name: true } }),
    ]);
    return {
      register: change.register,
      op: change.op === 'INSERT' ? 'create' : 'update',
      recordId: change.recordId,
      record: fieldsOf(table.definition.fields, row),
      person,
      facility,
    };
  }

  private async person(id: string): Promise<FhirPersonInput | null> {
    const p = await this.prisma.raw.person.findUnique({ where: { id } });
    if (!p) return null;
    return {
      id: p.id,
      fullName: p.fullName,
      sex: p.sex,
      dateOfBirth: p.dateOfBirth.toISOString().slice(0, 10),
      citizenId: p.citizenId,
      insuranceCard: p.insuranceCard,
      phone: p.phone,
    };
  }
}
