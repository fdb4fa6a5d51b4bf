import type { RegisterCode } from '@skss/domain';

/**
 * One register record as the integration API's ingestion takes it (libs/api/integration inbound):
 * the register, the sending system's id of the row (idempotency key with the account's system),
 * the facility that recorded it, the person it is about and the register's fields
 * (libs/domain registers: dates 'YYYY-MM-DD', instants ISO 8601 with offset).
 */
export interface IngestPerson {
  fullName?: string;
  dateOfBirth?: string;
  sex?: 'MALE' | 'FEMALE';
  citizenId?: string;
  insuranceCard?: string;
  sourcePatientId?: string;
  ethnicityCode?: string;
  residence?: { communeCode?: string; address?: string };
}

export interface IngestRecord {
  register: RegisterCode;
  sourceRecordId: string;
  facilityCode: string;
  person: IngestPerson;
  data: Record<string, unknown>;
}

/** A problem of one record: the field (an XML field such as `XML9.NGAY_SINH_CON`, or a register field), a code, a message. */
export interface RecordProblem {
  field: string;
  code: string;
  message: string;
}
