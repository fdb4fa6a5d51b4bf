import { Injectable } from '@nestjs/common';
import { SqlRunner } from '@skss/api/clinical-records';
import { RegisterCode } from '@skss/domain';

/** The records one inbound batch created or updated, by register and facility. */
export interface InboundChange {
  batchId: string;
  /** The sending account's client id (the records' source_system). */
  clientId: string;
  records: { register: RegisterCode; facilityId: number; ids: string[] }[];
}

/**
 * THE OUTBOX HOOK POINT of the inbound integration: called once per batch, inside the batch's
 * transaction, after its records are written and before it commits, with the ids of every record
 * it created or updated. The outbound sync (transactional outbox, security-reference §4.2) writes
 * its outbox rows here with `db` (the batch's transaction), so a record and its "to send" row
 * commit together. Does nothing until the outbox table exists.
 */
@Injectable()
export class InboundChangeHook {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async recordsChanged(db: SqlRunner, change: InboundChange): Promise<void> {
    // No outbox yet: nothing to enqueue.
  }
}
