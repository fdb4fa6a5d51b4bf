import { Injectable } from '@nestjs/common';
import { PrismaService } from '@skss/api/core';
import { LinkedAccount } from './sso-linking';

/** The only place that reads accounts by their single sign-on link. */
@Injectable()
export class SsoAccountsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A trusted lookup before anyone is signed in: the unscoped client, like password sign-in. */
  findBySsoSubject(ssoSubject: string): Promise<LinkedAccount | null> {
    return this.prisma.raw.userAccount.findUnique({
      where: { ssoSubject },
      select: { id: true, username: true, status: true, totpEnabled: true },
    });
  }
}
