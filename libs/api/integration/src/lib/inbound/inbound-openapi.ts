import type { ExamplesObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IDEMPOTENCY_KEY_TTL_HOURS } from './idempotency.store';
import { INBOUND_REGISTERS, MAX_BATCH_RECORDS } from './inbound-envelope';
import { INBOUND_RATE_LIMIT } from './rate-limiter';

/** The operation's description in the OpenAPI document: the rules an integrator needs. */
export const INBOUND_DESCRIPTION = [
  "Authenticated with the integration account's client credentials (HTTP Basic). The account needs `records.push`",
  '(deaths are also accepted with `deaths.push`) and may only send records of its own facilities.',
  '',
  `A batch holds 1 to ${MAX_BATCH_RECORDS} records of any of the registers (${INBOUND_REGISTERS.join(', ')}). Each record is`,
  "checked on its own with the register's validator (the same rules as direct entry and Excel) and answered in `records`",
  'in the order sent: `created`, `updated`, `unchanged`, or `rejected` with its problems (`field` is the path in the record',
  'as sent, e.g. `data.visitDate`, `person.citizenId`, `data.newborns[0].weightGrams`; `code`; Vietnamese `message`).',
  "A rejected record never keeps the others out. Besides the validator's codes: `UNKNOWN_REGISTER`, `UNKNOWN_FIELD`,",
  '`FACILITY_NOT_FOUND`, `FACILITY_NOT_ALLOWED`, `OPERATION_NOT_ALLOWED`, `DUPLICATE_RECORD` (the same register and',
  "`sourceRecordId` twice in the batch), `COMMUNE_NOT_FOUND`, `PERIOD_LOCKED` (the facility-month's report is approved),",
  "`SOURCE_ID_TAKEN` (another facility's record has this id).",
  '',
  '**Idempotency.** A record is identified by the account and its `sourceRecordId`: sending it again (in this or any',
  'later batch) updates the stored record, or answers `unchanged` when nothing changed (registers with item lists —',
  'deliveries, abortions, contraception — are rewritten and answer `updated`). Persons are found by citizen ID, then',
  'insurance card, then `person.sourcePatientId`, then name and date of birth at the facility. With an',
  `\`Idempotency-Key\` header (kept ${IDEMPOTENCY_KEY_TTL_HOURS} hours), the same batch sent again answers the first answer`,
  '(header `Idempotency-Replayed: true`); the same key with another batch is refused (422 `IDEMPOTENCY_KEY_REUSED`),',
  'and while the first request still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`.',
  '',
  '**Atomicity.** A batch is stored in one transaction: if the connection or the server fails, no record of it is',
  'stored, and sending it again stores it whole.',
  '',
  `**Limits.** ${MAX_BATCH_RECORDS} records and 10 MB per batch (413); per account, a burst of ${INBOUND_RATE_LIMIT.capacity}`,
  `requests then ${INBOUND_RATE_LIMIT.refillPerSecond} per second per API instance (429 \`RATE_LIMITED\` with \`Retry-After\`).`,
].join('\n');

const woman = {
  citizenId: '011198123456',
  sourcePatientId: 'BN-2026-000815',
  fullName: 'Lò Thị Hoa',
  dateOfBirth: '1998-04-12',
  sex: 'FEMALE',
  ethnicityCode: '03',
  residence: { communeCode: '03127', address: 'Bản Him Lam 2' },
};

export const INBOUND_REQUEST_EXAMPLES: ExamplesObject = {
  mixed: {
    summary: 'An antenatal visit, a delivery with its newborn, and a child death',
    value: {
      records: [
        {
          register: 'anc-visits',
          sourceRecordId: 'HIS-ANC-2026-000123',
          facilityCode: 'TYT.03127.2025',
          person: woman,
          data: {
            visitDate: '2026-03-10',
            place: 'FACILITY',
            gaWeeks: 20,
            weightKg: 52.5,
            systolic: 110,
            diastolic: 70,
            tetanusDoseGiven: true,
            ironFolicGiven: true,
            hivResult: 'NEGATIVE',
          },
        },
        {
          register: 'deliveries',
          sourceRecordId: 'HIS-DEL-2026-000045',
          facilityCode: 'TYT.03127.2025',
          person: woman,
          data: {
            deliveredAt: '2026-07-02T08:30:00+07:00',
            place: 'FACILITY',
            attendantKind: 'MIDWIFE',
            mode: 'VAGINAL',
            gaWeeks: 39,
            newborns: [{ sex: 'FEMALE', liveBorn: true, weightGrams: 3100, eenc: true, vitaminK1: true }],
          },
        },
        {
          register: 'deaths',
          sourceRecordId: 'HIS-DEATH-2026-000007',
          facilityCode: 'TYT.03127.2025',
          person: { fullName: 'Con của Lò Thị Mai', dateOfBirth: '2026-03-01', sex: 'MALE' },
          data: { recordedOn: '2026-03-11', diedOn: '2026-03-05', place: 'HOME', mainCause: 'Viêm phổi', causeCode: 'J18.9' },
        },
      ],
    },
  },
};

/** The answer of a batch with one bad record. */
export const INBOUND_ANSWER_EXAMPLE = {
  batchId: '019a7c2e-5b1d-7c3a-9f0e-2d4b6a8c0e1f',
  receivedAt: '2026-07-03T02:15:07.412Z',
  counts: { received: 2, created: 1, updated: 0, unchanged: 0, rejected: 1 },
  records: [
    {
      index: 0,
      register: 'anc-visits',
      sourceRecordId: 'HIS-ANC-2026-000123',
      outcome: 'created',
      id: '019a7c2e-5b2a-7d11-8a55-0c3e9b7f6a21',
    },
    {
      index: 1,
      register: 'anc-visits',
      sourceRecordId: 'HIS-ANC-2026-000124',
      outcome: 'rejected',
      problems: [
        { field: 'data.visitDate', code: 'DATE_IN_FUTURE', message: 'Ngày khám (10/03/2030) không được sau ngày hôm nay (03/07/2026)' },
      ],
    },
  ],
};
