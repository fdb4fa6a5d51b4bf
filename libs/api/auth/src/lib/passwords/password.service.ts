import { Injectable } from '@nestjs/common';
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { randomInt } from 'node:crypto';
import { DomainError, PrismaService } from '@skss/api/core';
import { checkPasswordPolicy, PASSWORD_HISTORY_DEPTH, PASSWORD_VIOLATION_MESSAGES, PasswordViolation } from '@skss/domain';
import { hashPassword, verifyPassword } from './password-hasher';

zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** zxcvbn score under which a password counts as common or easily guessed (0–4 scale). */
const MIN_STRENGTH = 3;

export interface PasswordOwner {
  id: string;
  username: string;
  fullName: string;
  passwordHash: string | null;
}

/** The password rules of Điều 17.3 and the level-2 checklist, and the history of the last five. */
@Injectable()
export class PasswordService {
  constructor(private readonly prisma: PrismaService) {}

  /** Refuses a new password with one error per broken rule (code PASSWORD_POLICY, details per rule). */
  async assertAcceptable(owner: PasswordOwner, password: string): Promise<void> {
    const isCommon = zxcvbn(password, [owner.username, owner.fullName]).score < MIN_STRENGTH;
    const violations: PasswordViolation[] = checkPasswordPolicy(password, { username: owner.username, fullName: owner.fullName, isCommon });
    if (violations.length === 0 && (await this.isRecent(owner, password))) violations.push('PASSWORD_REUSED');
    if (violations.length > 0) {
      throw new DomainError(
        'PASSWORD_POLICY',
        'Mật khẩu mới không đáp ứng quy định',
        400,
        violations.map((code) => ({ field: 'newPassword', code, message: PASSWORD_VIOLATION_MESSAGES[code] })),
      );
    }
  }

  /** Stores a new password, keeping the previous hashes for the reuse check. */
  async setPassword(owner: PasswordOwner, password: string, options: { mustChange: boolean }): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.prisma.$transaction(async (tx) => {
      if (owner.passwordHash) await tx.passwordHistory.create({ data: { userId: owner.id, hash: owner.passwordHash } });
      await tx.userAccount.update({
        where: { id: owner.id },
        data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: options.mustChange, lockedUntil: null },
      });
      const old = await tx.passwordHistory.findMany({
        where: { userId: owner.id },
        orderBy: { createdAt: 'desc' },
        skip: PASSWORD_HISTORY_DEPTH - 1,
      });
      if (old.length > 0) await tx.passwordHistory.deleteMany({ where: { id: { in: old.map((h) => h.id) } } });
    });
  }

  /** A random initial password that satisfies the policy; shown once to the administrator. */
  generateInitialPassword(): string {
    const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%&*?-+='];
    const all = sets.join('');
    const chars = [...sets.map((set) => set[randomInt(set.length)]), ...Array.from({ length: 12 }, () => all[randomInt(all.length)])];
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    return chars.join('');
  }

  private async isRecent(owner: PasswordOwner, password: string): Promise<boolean> {
    const history = await this.prisma.raw.passwordHistory.findMany({
      where: { userId: owner.id },
      orderBy: { createdAt: 'desc' },
      take: PASSWORD_HISTORY_DEPTH - 1,
    });
    const hashes = [owner.passwordHash, ...history.map((h) => h.hash)].filter((h): h is string => !!h);
    for (const hashed of hashes) if (await verifyPassword(hashed, password)) return true;
    return false;
  }
}
