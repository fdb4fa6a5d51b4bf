import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { hashPassword, PasswordService } from '@skss/api/auth';
import {
  AuditService,
  CENTRAL_KINDS,
  ConfigError,
  createPrismaService,
  DomainError,
  loadAppConfig,
  PrismaService,
  RequestContext,
} from '@skss/api/core';
import { DEFAULT_ROLES, FACILITY_KIND_INFO, foldVietnamese, formatIsoDate, isValidOn, todayInVietnam, toNfc } from '@skss/domain';
import { FULL_ADMINISTRATION, isFullAdministrator } from '../shared/administration-rules';
import { FULL_NAME_MAX_LENGTH, normalizeUsername, USERNAME_PATTERN } from '../shared/account-formats';
import { Db, UsersRepository } from '../users/users.repository';

/**
 * The first administrator of a new installation (there are no default accounts, ASVS 6.3.2):
 *
 *   npm run create-admin -- --username <name> [--full-name "<full name>"]   (password on stdin)
 *
 * with DATABASE_URL set (the API's role is enough). It creates an account at NCHI with the
 * NCHI_ADMIN role and the password read from standard input, checked against the same policy as
 * every other password (Điều 17.3). It refuses to run while an active administrator exists:
 * further accounts are created in the application, where they are scoped and audited with a named actor.
 */
const DEFAULT_FULL_NAME = 'Quản trị viên hệ thống';

export const EXIT = { created: 0, failed: 1, usage: 2, administratorExists: 3 } as const;

export interface FirstAdministratorInput {
  username: string;
  fullName: string;
  email: string | null;
  /** Default: the NCHI facility in force today. */
  facilityCode: string | null;
  /** Default: the seeded NCHI_ADMIN role. */
  roleCode: string;
  /** Who ran the command (operating-system user and host), for the audit trail. */
  operator: string;
  /** False when --full-name was left out: the generic default name is not checked against the password. */
  fullNameGiven?: boolean;
}

export interface FirstAdministrator {
  id: string;
  username: string;
  facility: { code: string; name: string };
  roleCode: string;
}

export class FirstAdministratorError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}

const USAGE = `Creates the first administrator account of a new installation.

Usage: npm run create-admin -- --username <username> [options] < password-file
       (or: node dist/apps/api/create-first-admin.js --username <username> [options])

  --username <name>     ${USERNAME_PATTERN.source} (stored in lower case)
  --full-name <name>    the officer's full name (Vietnamese, with diacritics; default: ${DEFAULT_FULL_NAME})
  --email <address>     optional
  --facility <code>     a central unit (default: the NCHI facility, kind NCHI)
  --role <code>         a role with users.manage and roles.manage (default: ${DEFAULT_ROLES.NCHI.code})
  --help

The password is read from standard input (its first line): at least 8 characters with upper and
lower case, a digit and a special character; not common, not the user's name.
Environment: DATABASE_URL (postgresql://...).
Exit codes: 0 created, 1 failed (e.g. password refused), 2 usage, 3 an active administrator exists.`;

/** Parses the command line and the environment, creates the account and reports; returns the exit code. */
export async function runFirstAdministratorCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  out: { log(line: string): void; error(line: string): void } = console,
  readPassword: () => Promise<string> = readFirstLineOfStdin,
): Promise<number> {
  let input: FirstAdministratorInput;
  let prisma: PrismaService;
  try {
    const parsed = parseInput(argv);
    if (parsed === 'help') {
      out.log(USAGE);
      return EXIT.created;
    }
    input = parsed;
    prisma = createPrismaService(loadAppConfig(env));
  } catch (error) {
    out.error(error instanceof Error ? error.message : String(error));
    if (!(error instanceof ConfigError)) out.error(`\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    const password = await readPassword();
    if (!password) throw new FirstAdministratorError('No password on standard input.', EXIT.usage);
    const created = await createFirstAdministrator(prisma, input, password);
    out.log(
      `Created administrator account "${created.username}" at ${created.facility.code} (${created.facility.name}), role ${created.roleCode}.`,
    );
    return EXIT.created;
  } catch (error) {
    out.error(error instanceof Error ? error.message : String(error));
    return error instanceof FirstAdministratorError ? error.exitCode : EXIT.failed;
  } finally {
    await prisma.raw.$disconnect();
  }
}

/**
 * Creates the account as trusted system work: the row is audited by the Prisma extension (CREATE)
 * and the grant of administration rights is recorded as ROLE_CHANGE naming the operator.
 */
export async function createFirstAdministrator(
  prisma: PrismaService,
  input: FirstAdministratorInput,
  password: string,
): Promise<FirstAdministrator> {
  const passwords = new PasswordService(prisma);
  const audit = new AuditService(prisma);
  try {
    await passwords.assertAcceptable(
      { id: randomUUID(), username: input.username, fullName: input.fullNameGiven === false ? '' : input.fullName, passwordHash: null },
      password,
    );
  } catch (error) {
    if (error instanceof DomainError) {
      throw new FirstAdministratorError(`Password refused: ${(error.details ?? []).map((d) => d.message).join('; ') || error.message}`);
    }
    throw error;
  }
  const passwordHash = await hashPassword(password);
  return RequestContext.run({ requestId: randomUUID(), ip: null, system: true }, async () => {
    const created = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('skss:account-administration'))`;
      const administrators = (await new UsersRepository(prisma).administratorCandidates(tx)).filter(isFullAdministrator);
      if (administrators.length > 0) {
        throw new FirstAdministratorError(
          `Refused: ${administrators.length} active administrator account(s) already exist. Create further accounts in the application (Quản trị > Tài khoản).`,
          EXIT.administratorExists,
        );
      }
      const role = await tx.role.findUnique({ where: { code: input.roleCode } });
      if (!role)
        throw new FirstAdministratorError(`Role ${input.roleCode} does not exist: load the reference data first (npm run db:seed).`);
      if (!FULL_ADMINISTRATION.every((p) => role.permissions.includes(p))) {
        throw new FirstAdministratorError(`Role ${input.roleCode} does not grant ${FULL_ADMINISTRATION.join(' and ')}.`);
      }
      const facility = await findCentralFacility(tx, input.facilityCode);
      if (await tx.userAccount.findUnique({ where: { username: input.username }, select: { id: true } })) {
        throw new FirstAdministratorError(`The username ${input.username} is already used by another account.`);
      }
      const fullName = toNfc(input.fullName.trim());
      return tx.userAccount.create({
        data: {
          username: input.username,
          fullName,
          fullNameFolded: foldVietnamese(fullName),
          email: input.email,
          facilityId: facility.id,
          passwordHash,
          passwordChangedAt: new Date(),
          // The operator chose this password for themselves: no initial password to replace.
          mustChangePassword: false,
          roles: { create: [{ roleId: role.id }] },
        },
        include: { facility: { select: { code: true, name: true } }, roles: { select: { role: { select: { code: true } } } } },
      });
    });
    await audit.record({
      action: 'ROLE_CHANGE',
      entityType: 'UserAccount',
      entityId: created.id,
      before: { roles: [] },
      after: { roles: created.roles.map((r) => r.role.code) },
      details: { username: created.username, via: 'create-first-admin', operator: input.operator },
      username: `cli:${input.operator}`.slice(0, 60),
    });
    return {
      id: created.id,
      username: created.username,
      facility: created.facility,
      roleCode: input.roleCode,
    };
  });
}

async function findCentralFacility(db: Db, code: string | null) {
  const today = todayInVietnam();
  const candidates = await db.facility.findMany({
    where: code ? { code } : { kind: 'NCHI' },
    select: { id: true, code: true, name: true, kind: true, validFrom: true, validTo: true },
  });
  const inForce = candidates.filter((f) =>
    isValidOn({ validFrom: f.validFrom && formatIsoDate(f.validFrom), validTo: f.validTo && formatIsoDate(f.validTo) }, today),
  );
  if (inForce.length !== 1) {
    throw new FirstAdministratorError(
      code ? `No facility ${code} in force today.` : `Expected one NCHI facility in force today, found ${inForce.length}: pass --facility.`,
    );
  }
  const facility = inForce[0];
  if (!CENTRAL_KINDS.includes(facility.kind)) {
    const central = CENTRAL_KINDS.map((kind) => FACILITY_KIND_INFO[kind].nameEn).join(' or ');
    throw new FirstAdministratorError(
      `${facility.code} is not a central unit (${central}): its administrators could not manage other units.`,
    );
  }
  return facility;
}

function parseInput(argv: readonly string[]): FirstAdministratorInput | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      username: { type: 'string' },
      'full-name': { type: 'string' },
      email: { type: 'string' },
      facility: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new Error(`Unexpected argument: ${positionals[0]}`);
  const username = normalizeUsername(values.username ?? '') as string;
  if (!USERNAME_PATTERN.test(username)) throw new Error(`--username must match ${USERNAME_PATTERN.source}`);
  const fullName = (values['full-name'] ?? DEFAULT_FULL_NAME).trim();
  if (!fullName || [...fullName].length > FULL_NAME_MAX_LENGTH)
    throw new Error(`--full-name must have 1 to ${FULL_NAME_MAX_LENGTH} characters`);
  const email = values.email?.trim() || null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error('--email is not an e-mail address');
  return {
    username,
    fullName,
    email,
    facilityCode: values.facility?.trim().toUpperCase() || null,
    roleCode: values.role?.trim().toUpperCase() || DEFAULT_ROLES.NCHI.code,
    operator: operatorName(),
    fullNameGiven: values['full-name'] !== undefined,
  };
}

function operatorName(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry for the uid (some containers)
  }
  return `${user}@${hostname()}`;
}

/** The first line of standard input (the password), without its line ending. */
async function readFirstLineOfStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu / Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
