import { Prisma, PrismaClient } from '../../generated/prisma/client';
import { AuditEntry, redactForAudit } from '../audit/audit-event';
import { CENTRAL_KINDS, AUDITED_MODELS, Scope, SCOPED_MODELS } from '../access/scope';
import { RequestContext, RequestState } from '../context/request-context';
import { DomainError } from '../errors/domain-error';

/**
 * The one mechanism that enforces org-unit scope and writes the audit trail, below every
 * repository: a Prisma query extension.
 *
 * - Reads of facility-owned models (SCOPED_MODELS) only see rows of facilities in the caller's
 *   view scope; a row outside it looks like a row that does not exist (→ 404, no existence leak).
 * - Writes only touch rows in the caller's write scope; anything else is refused (→ 403).
 * - Without a principal, scoped reads see nothing and scoped writes are refused, unless the work
 *   runs as trusted system work (RequestContext.asSystem).
 * - Creates, updates and deletes of AUDITED_MODELS are recorded with before and after values.
 *
 * Filters apply to the top-level model of a query, not to relations pulled in with `include`:
 * repositories read scoped rows through their own model.
 */
const READS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy']);
const FILTERED_WRITES = new Set(['update', 'updateMany', 'updateManyAndReturn', 'delete', 'deleteMany', 'upsert']);
const CREATES = new Set(['create', 'createMany', 'createManyAndReturn', 'upsert']);
const SINGLE_WRITES: Record<string, 'CREATE' | 'UPDATE' | 'DELETE'> = {
  create: 'CREATE',
  update: 'UPDATE',
  upsert: 'UPDATE',
  delete: 'DELETE',
};
const MANY_WRITES: Record<string, 'CREATE' | 'UPDATE' | 'DELETE'> = {
  createMany: 'CREATE',
  createManyAndReturn: 'CREATE',
  updateMany: 'UPDATE',
  updateManyAndReturn: 'UPDATE',
  deleteMany: 'DELETE',
};

type AnyArgs = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: unknown; update?: unknown };
type Delegate = Record<string, (args: unknown) => Promise<unknown>>;

export const outOfScope = () => new DomainError('OUT_OF_SCOPE', 'Đơn vị nằm ngoài phạm vi quản lý của tài khoản', 403);

export function extendWithScopeAndAudit(base: PrismaClient) {
  const delegate = (model: string) => (base as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)];

  async function scopeOf(state: RequestState | undefined): Promise<Scope | null> {
    if (!state || state.system) return null; // null: no filter (trusted work)
    if (state.scope) return state.scope;
    const principal = state.principal;
    let scope: Scope;
    if (!principal) {
      scope = { view: new Set(), write: new Set() };
    } else if (principal.kind === 'client') {
      scope = { view: principal.facilityIds, write: principal.facilityIds };
    } else if (CENTRAL_KINDS.includes(principal.facilityKind)) {
      scope = { view: 'all', write: 'all' };
    } else {
      scope = { view: await reportingSubtree(base, principal.facilityId), write: new Set([principal.facilityId]) };
    }
    state.scope = scope;
    return scope;
  }

  async function record(entry: AuditEntry): Promise<void> {
    await writeAudit(base, RequestContext.current(), entry);
  }

  return base.$extends({
    name: 'scope-and-audit',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const field = SCOPED_MODELS[model];
          const audited = AUDITED_MODELS.has(model);
          if (!field && !audited) return query(args);
          const state = RequestContext.current();
          let scoped = args as AnyArgs;

          if (field) {
            const scope = await scopeOf(state);
            if (scope) {
              const allowed = READS.has(operation) ? scope.view : scope.write;
              if (CREATES.has(operation)) assertCreatable(scoped, field, scope.write);
              if (operation === 'update' || operation === 'updateMany' || operation === 'upsert') assertMovable(scoped, field, scope.write);
              if (READS.has(operation) || FILTERED_WRITES.has(operation)) scoped = withFacilityFilter(scoped, field, allowed);
            }
          }

          if (!audited || !(operation in SINGLE_WRITES || operation in MANY_WRITES)) return runMappingScopeErrors(query, scoped, field);

          const before =
            operation in SINGLE_WRITES && operation !== 'create'
              ? await delegate(model)
                  ['findUnique']({ where: scoped.where })
                  .catch(() => null)
              : null;
          const result = await runMappingScopeErrors(query, scoped, field);
          const action = SINGLE_WRITES[operation] ?? MANY_WRITES[operation];
          const after = operation === 'delete' ? null : operation in SINGLE_WRITES ? result : null;
          await record({
            action: operation === 'upsert' && !before ? 'CREATE' : action,
            entityType: model,
            entityId: entityIdOf(after ?? before, scoped.where),
            before,
            after,
            details:
              operation in MANY_WRITES
                ? { operation, where: scoped.where ?? null, count: (result as { count?: number })?.count ?? null }
                : undefined,
          });
          return result;
        },
      },
    },
  });
}

async function runMappingScopeErrors(
  query: (args: unknown) => Promise<unknown>,
  args: AnyArgs,
  field: string | undefined,
): Promise<unknown> {
  try {
    return await query(args);
  } catch (error) {
    // A filtered update/delete that matched nothing: the record exists outside the scope or not at all.
    if (field && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw outOfScope();
    throw error;
  }
}

function withFacilityFilter(args: AnyArgs, field: string, allowed: ReadonlySet<number> | 'all'): AnyArgs {
  if (allowed === 'all') return args;
  const where = args.where ?? {};
  const existing = where['AND'];
  const and = Array.isArray(existing) ? existing : existing ? [existing] : [];
  return { ...args, where: { ...where, AND: [...and, { [field]: { in: [...allowed] } }] } };
}

function assertCreatable(args: AnyArgs, field: string, allowed: ReadonlySet<number> | 'all'): void {
  const rows = [args.data, args.create].flatMap((d) => (Array.isArray(d) ? d : d ? [d] : []));
  for (const row of rows) {
    const facilityId = (row as Record<string, unknown>)[field];
    if (typeof facilityId !== 'number') throw new Error(`Scoped create without a scalar ${field}`);
    if (allowed !== 'all' && !allowed.has(facilityId)) throw outOfScope();
  }
}

function assertMovable(args: AnyArgs, field: string, allowed: ReadonlySet<number> | 'all'): void {
  const data = (args.data ?? args.update) as Record<string, unknown> | undefined;
  const target = data?.[field];
  if (target === undefined || allowed === 'all') return;
  if (typeof target !== 'number' || !allowed.has(target)) throw outOfScope();
}

function entityIdOf(row: unknown, where: Record<string, unknown> | undefined): string | undefined {
  const source = (row ?? where) as Record<string, unknown> | undefined;
  if (!source) return undefined;
  const id = source['id'] ?? source['code'] ?? source['username'] ?? source['clientId'];
  if (id !== undefined && id !== null) return String(id);
  const composite = Object.entries(source).filter(([, v]) => typeof v === 'string' || typeof v === 'number');
  return composite.length ? composite.map(([k, v]) => `${k}=${v}`).join(',') : undefined;
}

/** The facility and every facility whose reporting chain passes through it, today. */
export async function reportingSubtree(base: PrismaClient, facilityId: number): Promise<ReadonlySet<number>> {
  const rows = await base.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE subtree(id) AS (
      SELECT ${facilityId}::int
      UNION
      SELECT l.facility_id FROM facility_reporting_line l JOIN subtree s ON l.reports_to_id = s.id
      WHERE (l.valid_from IS NULL OR l.valid_from <= CURRENT_DATE) AND (l.valid_to IS NULL OR l.valid_to >= CURRENT_DATE)
    )
    SELECT id FROM subtree`;
  return new Set(rows.map((r) => r.id));
}

export async function writeAudit(base: PrismaClient, state: RequestState | undefined, entry: AuditEntry): Promise<void> {
  const principal = state?.principal;
  await base.auditEvent.create({
    data: {
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      actorUserId: principal?.kind === 'user' ? principal.userId : null,
      actorUsername: principal?.kind === 'user' ? principal.username : (entry.username ?? null),
      actorFacilityId: principal?.kind === 'user' ? principal.facilityId : null,
      actorClientId: principal?.kind === 'client' ? principal.clientId : null,
      ip: state?.ip ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
      details: toJson(entry.details),
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  const redacted = redactForAudit(value);
  return redacted === null || redacted === undefined ? Prisma.JsonNull : (redacted as Prisma.InputJsonValue);
}
