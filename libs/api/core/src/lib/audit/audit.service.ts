import { Injectable } from '@nestjs/common';
import { RequestContext } from '../context/request-context';
import { PrismaService } from '../prisma/prisma.service';
import { writeAudit } from '../prisma/scoped-prisma';
import { AuditEntry } from './audit-event';

/**
 * Records events that are not row changes (sign-in, sign-out, lockout, export, ...). Row changes
 * of audited models are recorded automatically by the scoped Prisma client.
 */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  /** Written in the current transaction when there is one, so the event commits with the change. */
  record(entry: AuditEntry): Promise<void> {
    const state = RequestContext.current();
    return writeAudit(state?.tx ?? this.prisma.raw, state, entry);
  }
}
