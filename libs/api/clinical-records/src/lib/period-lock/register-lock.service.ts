import { Injectable } from '@nestjs/common';
import { DomainError, PrismaService } from '@skss/api/core';
import { formatIsoDate, parseIsoDate } from '@skss/domain';

/** 'YYYY-MM' of a calendar month. */
export type RegisterMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first day of the month of a day ('2025-03-17' or a Date at UTC midnight) as a Date. */
export function firstDayOfMonth(day: string | Date): Date {
  const iso = typeof day === 'string' ? day.slice(0, 10) : formatIsoDate(day);
  const date = parseIsoDate(`${iso.slice(0, 7)}-01`);
  if (!date) throw new RangeError(`Not a calendar day: ${iso}`);
  return date;
}

function monthStart(month: RegisterMonth | Date): Date {
  if (month instanceof Date) return firstDayOfMonth(month);
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

export const periodLocked = (month: Date, reason: string) => {
  const label = `${String(month.getUTCMonth() + 1).padStart(2, '0')}/${month.getUTCFullYear()}`;
  return new DomainError('PERIOD_LOCKED', `Sổ của tháng ${label} đã khóa vì báo cáo đã được duyệt: ${reason}`, 409);
};

/**
 * The registers of a facility-month are read-only once its report is approved (issue 6 §7). The
 * reports work switches this on by calling lock() when it approves a report (and unlock() when an
 * approval is withdrawn); until it does, nothing is locked. Every register write calls assertOpen()
 * for the date the row had and the date it gets, inside the write's transaction.
 */
@Injectable()
export class RegisterLockService {
  constructor(private readonly prisma: PrismaService) {}

  /** Closes a facility-month to changes (idempotent: a second lock keeps the first one's reason). */
  async lock(facilityId: number, month: RegisterMonth | Date, reason: string): Promise<void> {
    const start = monthStart(month);
    await this.prisma.registerPeriodLock.upsert({
      where: { facilityId_month: { facilityId, month: start } },
      create: { facilityId, month: start, reason: reason.slice(0, 300) },
      update: {},
    });
  }

  async unlock(facilityId: number, month: RegisterMonth | Date): Promise<void> {
    await this.prisma.registerPeriodLock.deleteMany({ where: { facilityId, month: monthStart(month) } });
  }

  /** Whether the registers of the facility are locked for the month of the day, and why. */
  async lockOf(facilityId: number, day: string | Date): Promise<{ month: Date; reason: string } | null> {
    const month = firstDayOfMonth(day);
    const lock = await this.prisma.registerPeriodLock.findUnique({ where: { facilityId_month: { facilityId, month } } });
    return lock ? { month, reason: lock.reason } : null;
  }

  /** Throws 409 PERIOD_LOCKED when the facility's registers of the day's month are closed. */
  async assertOpen(facilityId: number, day: string | Date): Promise<void> {
    const lock = await this.lockOf(facilityId, day);
    if (lock) throw periodLocked(lock.month, lock.reason);
  }
}
