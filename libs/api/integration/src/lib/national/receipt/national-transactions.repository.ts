import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Prisma, PrismaService } from '@skss/api/core';
import { todayInVietnam } from '@skss/domain';
import type { NationalRecordResultDto } from '../dto/national.dto';

export type TransactionStatus = 'RECEIVED' | 'PROCESSED' | 'FAILED';

export interface StoredTransaction {
  number: string;
  receivedAt: Date;
  processedAt: Date | null;
  status: TransactionStatus;
  facilityCode: string | null;
  dossiers: number;
  accepted: number;
  rejected: number;
  ignored: number;
  results: NationalRecordResultDto[];
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `LT` + the Vietnam date + 8 random Crockford base-32 characters, e.g. LT20261201K7M2Q9XA. */
export function newTransactionNumber(now: Date = new Date()): string {
  const random = [...randomBytes(8)].map((byte) => CROCKFORD[byte % 32]).join('');
  return `LT${todayInVietnam(now).replace(/-/g, '')}${random}`;
}

/**
 * The national endpoint's transactions (national_transaction): own bookkeeping of the endpoint,
 * read and written with the raw client and always filtered by the calling account.
 */
@Injectable()
export class NationalTransactionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** IntegrationClient.id of an account by its public client id. */
  async accountId(clientId: string): Promise<string> {
    const client = await this.prisma.raw.integrationClient.findUniqueOrThrow({ where: { clientId }, select: { id: true } });
    return client.id;
  }

  async open(data: {
    accountId: string;
    receivedAt: Date;
    facilityCode: string | null;
    byteSize: number;
    contentHash: string;
    dossiers: number;
  }): Promise<{ id: string; number: string }> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { accountId, ...rest } = data;
        return await this.prisma.raw.nationalTransaction.create({
          data: { ...rest, clientId: accountId, number: newTransactionNumber(data.receivedAt), status: 'RECEIVED' },
          select: { id: true, number: true },
        });
      } catch (error) {
        const taken = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
        if (!taken || attempt >= 3) throw error;
      }
    }
  }

  async close(
    id: string,
    outcome: { status: 'PROCESSED' | 'FAILED'; accepted: number; rejected: number; ignored: number; results: NationalRecordResultDto[] },
  ): Promise<Date> {
    const processedAt = new Date();
    const { results, ...counts } = outcome;
    await this.prisma.raw.nationalTransaction.update({
      where: { id },
      data: { ...counts, processedAt, results: results as unknown as Prisma.InputJsonValue },
    });
    return processedAt;
  }

  /** A transaction of the account by its number, or null (another account's reads as absent). */
  async find(accountId: string, number: string): Promise<StoredTransaction | null> {
    const row = await this.prisma.raw.nationalTransaction.findFirst({ where: { number, clientId: accountId } });
    if (!row) return null;
    return {
      number: row.number,
      receivedAt: row.receivedAt,
      processedAt: row.processedAt,
      status: row.status,
      facilityCode: row.facilityCode,
      dossiers: row.dossiers,
      accepted: row.accepted,
      rejected: row.rejected,
      ignored: row.ignored,
      results: (row.results ?? []) as unknown as NationalRecordResultDto[],
    };
  }
}
