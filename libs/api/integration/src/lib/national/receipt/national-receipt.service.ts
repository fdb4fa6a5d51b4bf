import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ClientPrincipal, DomainError, NotFoundError } from '@skss/api/core';
import { IngestionService } from '../../inbound/ingestion.service';
import { MAX_BATCH_RECORDS } from '../../inbound/inbound-envelope';
import { NationalReceiptDto, NationalRecordResultDto, NationalResultDto, NationalStatus, NationalVerdict } from '../dto/national.dto';
import { MappedItem, mapDossier } from '../mapping/national-mapper';
import { nationalError } from '../xml/national-errors';
import { parseNationalPackage } from '../xml/national-package';
import { NationalTransactionsRepository, StoredTransaction, TransactionStatus } from './national-transactions.repository';

const STATUS: Readonly<Record<TransactionStatus, NationalStatus>> = {
  RECEIVED: 'DA_TIEP_NHAN',
  PROCESSED: 'DA_XU_LY',
  FAILED: 'LOI_XU_LY',
};

/** An instant as ISO 8601 in Vietnam time (+07:00), as the vendors show it. */
export function vietnamIso(at: Date): string {
  return `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, -1)}+07:00`;
}

/**
 * Receipt of XML packages on the national path and their review results: the package is parsed
 * safely, mapped to register records (pure mapper) and written by the integration API's
 * IngestionService — the one writer of records sent by external systems — under a transaction
 * number (mã giao dịch) the sender uses to fetch the per-record result.
 */
@Injectable()
export class NationalReceiptService {
  private readonly logger = new Logger(NationalReceiptService.name);

  constructor(
    private readonly transactions: NationalTransactionsRepository,
    private readonly ingestion: IngestionService,
  ) {}

  async receive(principal: ClientPrincipal, body: Buffer): Promise<NationalReceiptDto> {
    const receivedAt = new Date();
    const parsed = parseNationalPackage(body);
    const items = parsed.dossiers.flatMap((dossier) =>
      mapDossier(dossier, parsed.facilityCode).map((item) => ({ dossier: dossier.position, item })),
    );
    const records = items.flatMap(({ item }) => (item.kind === 'record' ? [item.record] : []));
    if (records.length > MAX_BATCH_RECORDS) {
      throw nationalError('XML_TOO_MANY_DOSSIERS', `tối đa ${MAX_BATCH_RECORDS} bản ghi sổ sách một gói, gói này tạo ra ${records.length}`);
    }

    const accountId = await this.transactions.accountId(principal.clientId);
    const transaction = await this.transactions.open({
      accountId,
      receivedAt,
      facilityCode: parsed.facilityCode?.slice(0, 20) ?? null,
      byteSize: body.length,
      contentHash: createHash('sha256').update(body).digest('hex'),
      dossiers: parsed.dossiers.length,
    });

    let status: 'PROCESSED' | 'FAILED' = 'PROCESSED';
    let results: NationalRecordResultDto[];
    try {
      const outcomes = records.length
        ? (await this.ingestion.ingest({ principal, records, requestHash: createHash('sha256').update(body).digest('hex') })).body.records
        : [];
      const byIndex = new Map(outcomes.map((outcome) => [outcome.index, outcome]));
      let next = 0;
      results = items.map(({ dossier, item }) => toResult(dossier, item, item.kind === 'record' ? byIndex.get(next++) : undefined));
    } catch (error) {
      status = 'FAILED';
      results = [];
      await this.transactions.close(transaction.id, { status, accepted: 0, rejected: 0, ignored: 0, results });
      if (error instanceof DomainError) throw error;
      this.logger.error(`National transaction ${transaction.number} failed`, error instanceof Error ? error.stack : undefined);
      throw error;
    }
    const count = (verdict: NationalVerdict) => results.filter((result) => result.ketQua === verdict).length;
    await this.transactions.close(transaction.id, {
      status,
      accepted: count('CHAP_NHAN'),
      rejected: count('TU_CHOI'),
      ignored: count('BO_QUA'),
      results,
    });
    return {
      maGiaoDich: transaction.number,
      thoiGianTiepNhan: vietnamIso(receivedAt),
      trangThai: STATUS[status],
      soHoSo: parsed.dossiers.length,
    };
  }

  async result(principal: ClientPrincipal, number: string): Promise<NationalResultDto> {
    const accountId = await this.transactions.accountId(principal.clientId);
    const stored = /^[A-Z0-9]{1,32}$/.test(number) ? await this.transactions.find(accountId, number) : null;
    if (!stored) throw new NotFoundError('TRANSACTION_NOT_FOUND', `Không tìm thấy giao dịch ${number.slice(0, 32)} của tài khoản này`);
    return toResultDto(stored);
  }
}

/** The review result of one mapped item, with the ingestion's outcome for a record it was given. */
function toResult(
  dossier: number,
  item: MappedItem,
  outcome: { outcome: string; id?: string | null; problems?: { field: string; code: string; message: string }[] } | undefined,
): NationalRecordResultDto {
  const base = { hoSo: dossier, bang: item.table, maLk: item.maLk };
  switch (item.kind) {
    case 'ignored':
      return {
        ...base,
        so: null,
        ketQua: 'BO_QUA',
        chiTiet: 'ignored',
        loi: [{ field: item.table ?? '', code: item.code, message: item.message }],
      };
    case 'rejected':
      return { ...base, so: null, ketQua: 'TU_CHOI', chiTiet: 'rejected', loi: item.problems };
    case 'record': {
      const accepted = outcome !== undefined && outcome.outcome !== 'rejected';
      return {
        ...base,
        so: item.record.register,
        ketQua: accepted ? 'CHAP_NHAN' : 'TU_CHOI',
        chiTiet: outcome?.outcome ?? 'rejected',
        id: outcome?.id ?? null,
        loi: outcome?.problems ?? [],
      };
    }
  }
}

function toResultDto(stored: StoredTransaction): NationalResultDto {
  return {
    maGiaoDich: stored.number,
    thoiGianTiepNhan: vietnamIso(stored.receivedAt),
    thoiGianXuLy: stored.processedAt ? vietnamIso(stored.processedAt) : null,
    trangThai: STATUS[stored.status],
    soHoSo: stored.dossiers,
    maCskcb: stored.facilityCode,
    tongHop: { chapNhan: stored.accepted, tuChoi: stored.rejected, boQua: stored.ignored },
    ketQua: stored.results,
  };
}
