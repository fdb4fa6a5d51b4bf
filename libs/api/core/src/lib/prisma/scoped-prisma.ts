import { Prisma, PrismaClient } from '../../generated/prisma/client';
import { AuditEntry, redactForAudit } from '../audit/audit-event';
import { AUDITED_MODELS, CENTRAL_KINDS, Scope, SCOPED_MODELS, ScopeRule, writeScopeOf } from '../access/scope';
import { RequestContext, RequestState } from '../context/request-context';
import { DomainError } from '../errors/domain-error';
import { relationGraph, RelationGraph } from './relation-graph';

/**
 * The one mechanism that enforces org-unit scope and writes the audit trail, below every
 * repository: a Prisma query extension.
 *
 * - Reads of facility-owned models (SCOPED_MODELS) only see rows in the caller's scope, whether
 *   the model is queried directly or reached through `include`/`select` of a relation; a row
 *   outside it looks like a row that does not exist (→ 404, no existence leak).
 * - Writes only touch rows in the caller's write scope; anything else is refused (→ 403).
 * - Without a principal, scoped reads see nothing and scoped writes are refused, unless the work
 *   runs as trusted system work (RequestContext.asSystem).
 * - Creates, updates and deletes of AUDITED_MODELS are recorded with before and after values in
 *   the same database transaction as the change: if the audit row cannot be written, the change
 *   is rolled back.
 * - Inside PrismaService.transaction() every query runs in that transaction.
 */
const READS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy']);
const FILTERED_WRITES = new Set(['update', 'updateMany', 'updateManyAndReturn', 'delete', 'deleteMany', 'upsert']);
const CREATES = new Set(['create', 'createMany', 'createManyAndReturn', 'upsert']);
/** Operations whose arguments may carry `include`/`select` of relations. */
const WITH_RELATIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'create',
  'update',
  'upsert',
  'delete',
  'createManyAndReturn',
  'updateManyAndReturn',
]);
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

type AnyArgs = Record<string, unknown> & {
  where?: Record<string, unknown>;
  data?: unknown;
  create?: unknown;
  update?: unknown;
  include?: unknown;
  select?: unknown;
};
type Delegate = Record<string, (args: unknown) => Promise<unknown>>;
type Db = PrismaClient | Prisma.TransactionClient;
type Allowed = ReadonlySet<number> | 'all';

export const outOfScope = () => new DomainError('OUT_OF_SCOPE', 'Đơn vị nằm ngoài phạm vi quản lý của tài khoản', 403);

const delegateOf = (db: Db, model: string) => (db as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)];

export function extendWithScopeAndAudit(base: PrismaClient) {
  const graph = relationGraph(base);

  async function scopeOf(state: RequestState | undefined): Promise<Scope | null> {
    if (!state || state.system) return null; // null: no filter (trusted work)
    if (state.scope) return state.scope;
    state.scope = await computeScope(base, state);
    return state.scope;
  }

  return base.$extends({
    name: 'scope-and-audit',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const rule = SCOPED_MODELS[model];
          const audited = AUDITED_MODELS.has(model);
          const state = RequestContext.current();
          const tx = state?.tx;
          let scoped = args as AnyArgs;
          // The scope costs a query once per request: only compute it when this query needs it.
          const relations = WITH_RELATIONS.has(operation) && reachesScopedModel(scoped, model, graph);
          const scope = rule || relations ? await scopeOf(state) : null;

          if (scope) {
            if (rule) {
              const allowed = READS.has(operation) ? scope[rule.scope] : scope.write;
              if (CREATES.has(operation)) assertCreatable(scoped, rule.field, scope.write);
              if (operation === 'update' || operation === 'updateMany' || operation === 'upsert')
                assertMovable(scoped, rule.field, scope.write);
              if (READS.has(operation) || FILTERED_WRITES.has(operation)) scoped = withScopeFilter(scoped, rule, allowed);
            }
            if (relations) scoped = withRelationFilters(scoped, model, graph, scope);
          }

          // In a transaction opened by PrismaService.transaction(), run there (not on the pool).
          const run = (db: Db) => (db === base && !tx ? query(scoped) : delegateOf(db, model)[operation](scoped));
          const execute = async (db: Db) => {
            const result = await runMappingScopeErrors(() => run(db), rule);
            return scope && relations ? hideOutOfScopeRelations(result, model, graph, scope) : result;
          };

          if (!audited || !(operation in SINGLE_WRITES || operation in MANY_WRITES)) return execute(tx ?? base);

          // The change and its audit row commit together or not at all.
          const audit = async (db: Db) => {
            const before =
              operation in SINGLE_WRITES && operation !== 'create'
                ? await delegateOf(db, model)
                    ['findUnique']({ where: scoped.where })
                    .catch(() => null)
                : null;
            const result = await execute(db);
            const action = SINGLE_WRITES[operation] ?? MANY_WRITES[operation];
            const after = operation === 'delete' ? null : operation in SINGLE_WRITES ? result : null;
            await writeAudit(db, state, {
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
          };
          return tx ? audit(tx) : base.$transaction((own) => audit(own));
        },
      },
    },
  });
}

async function computeScope(base: PrismaClient, state: RequestState): Promise<Scope> {
  const principal = state.principal;
  if (!principal) return { view: new Set(), history: new Set(), write: new Set() };
  const write = writeScopeOf(principal);
  if (principal.kind === 'client') return { view: principal.facilityIds, history: principal.facilityIds, write };
  if (CENTRAL_KINDS.includes(principal.facilityKind)) return { view: 'all', history: 'all', write };
  const [view, history] = await Promise.all([reportingSubtree(base, principal.facilityId), historicalSubtree(base, principal.facilityId)]);
  return { view, history, write };
}

async function runMappingScopeErrors(work: () => Promise<unknown>, rule: ScopeRule | undefined): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    // A filtered update/delete that matched nothing: the record exists outside the scope or not at all.
    if (rule && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw outOfScope();
    throw error;
  }
}

function scopeWhere(rule: ScopeRule, allowed: ReadonlySet<number>): Record<string, unknown> {
  const ids = [...allowed];
  return rule.filter ? rule.filter(ids) : { [rule.field]: { in: ids } };
}

function withScopeFilter(args: AnyArgs, rule: ScopeRule, allowed: Allowed): AnyArgs {
  if (allowed === 'all') return args;
  const where = args.where ?? {};
  const existing = where['AND'];
  const and = Array.isArray(existing) ? existing : existing ? [existing] : [];
  return { ...args, where: { ...where, AND: [...and, scopeWhere(rule, allowed)] } };
}

/**
 * Adds the scope filter to every list relation of a scoped model pulled in with include/select
 * (a delivery's newborns, a person's visits), at any depth. To-one relations cannot take a
 * where-clause; hideOutOfScopeRelations() removes those after the read.
 */
function withRelationFilters(args: AnyArgs, model: string, graph: RelationGraph, scope: Scope): AnyArgs {
  const rewrite = (selection: unknown, owner: string): unknown => {
    if (!selection || typeof selection !== 'object') return selection;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(selection as Record<string, unknown>)) {
      const relation = graph[owner]?.[key];
      if (!relation || !value) {
        out[key] = value;
        continue;
      }
      const nested: AnyArgs = value === true ? {} : { ...(value as AnyArgs) };
      if (nested.include) nested.include = rewrite(nested.include, relation.target);
      if (nested.select) nested.select = rewrite(nested.select, relation.target);
      const rule = SCOPED_MODELS[relation.target];
      if (rule && relation.list) {
        out[key] = withScopeFilter(nested, rule, scope[rule.scope]);
      } else if (rule && nested.select && !rule.filter) {
        out[key] = { ...nested, select: { ...(nested.select as object), [rule.field]: true } };
      } else {
        out[key] = value === true && !nested.include ? true : nested;
      }
    }
    return out;
  };
  const next = { ...args };
  if (args['include']) next['include'] = rewrite(args['include'], model);
  if (args['select']) next['select'] = rewrite(args['select'], model);
  return next;
}

/** Whether include/select pulls in, at any depth, a relation leading to a scoped model. */
function reachesScopedModel(args: AnyArgs, model: string, graph: RelationGraph): boolean {
  const reaches = (selection: unknown, owner: string): boolean =>
    !!selection &&
    typeof selection === 'object' &&
    Object.entries(selection as Record<string, unknown>).some(([key, value]) => {
      const relation = graph[owner]?.[key];
      if (!relation || !value) return false;
      if (SCOPED_MODELS[relation.target]) return true;
      const nested = value as AnyArgs;
      return value !== true && (reaches(nested.include, relation.target) || reaches(nested.select, relation.target));
    });
  return reaches(args.include, model) || reaches(args.select, model);
}

/** Replaces to-one relations of scoped models that fall outside the scope by null. */
function hideOutOfScopeRelations(result: unknown, model: string, graph: RelationGraph, scope: Scope): unknown {
  const visit = (row: unknown, owner: string): void => {
    if (!row || typeof row !== 'object') return;
    if (Array.isArray(row)) {
      for (const item of row) visit(item, owner);
      return;
    }
    const record = row as Record<string, unknown>;
    const relations = graph[owner];
    // for...in rather than Object.entries: this runs for every row of every scoped read, and the
    // pairs' arrays were garbage made per row.
    for (const key in relations) {
      const relation = relations[key];
      const value = record[key];
      if (value === undefined || value === null) continue;
      const rule = SCOPED_MODELS[relation.target];
      if (!relation.list && rule && !rule.filter) {
        const allowed = scope[rule.scope];
        const facilityId = (value as Record<string, unknown>)[rule.field];
        if (allowed !== 'all' && !(typeof facilityId === 'number' && allowed.has(facilityId))) {
          record[key] = null;
          continue;
        }
      }
      visit(value, relation.target);
    }
  };
  visit(result, model);
  return result;
}

function assertCreatable(args: AnyArgs, field: string, allowed: Allowed): void {
  const rows = [args.data, args.create].flatMap((d) => (Array.isArray(d) ? d : d ? [d] : []));
  for (const row of rows) {
    const facilityId = (row as Record<string, unknown>)[field];
    if (typeof facilityId !== 'number') throw new Error(`Scoped create without a scalar ${field}`);
    if (allowed !== 'all' && !allowed.has(facilityId)) throw outOfScope();
  }
}

function assertMovable(args: AnyArgs, field: string, allowed: Allowed): void {
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
  // Models keyed by several columns: their short scalar values (a free-text column such as a lock's
  // reason is no key, and would overflow the 100-character entity_id).
  const composite = Object.entries(source).filter(([, v]) => typeof v === 'number' || (typeof v === 'string' && v.length <= 60));
  return composite.length
    ? composite
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
        .slice(0, 100)
    : undefined;
}

/** The facility and every facility whose reporting chain passes through it, today. */
export async function reportingSubtree(base: Db, facilityId: number): Promise<ReadonlySet<number>> {
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

/**
 * The facility, the facilities it succeeded (same kind, in a unit its own unit fully or partly
 * absorbed: a merged province's Department of Health inherits the one it absorbed), and every
 * facility that reported through any of them at any time — so a district health centre still sees
 * its communes' 2024 rows after districts were abolished.
 */
export async function historicalSubtree(base: Db, facilityId: number): Promise<ReadonlySet<number>> {
  const rows = await base.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE predecessors(id, unit_id) AS (
      SELECT f.id, f.admin_unit_id FROM facility f WHERE f.id = ${facilityId}::int
      UNION
      SELECT pf.id, pf.admin_unit_id
      FROM predecessors p
      JOIN admin_unit_lineage al ON al.successor_id = p.unit_id
      JOIN facility pf ON pf.admin_unit_id = al.predecessor_id
      JOIN facility me ON me.id = ${facilityId}::int AND pf.kind = me.kind
    ),
    subtree(id) AS (
      SELECT id FROM predecessors
      UNION
      SELECT l.facility_id FROM facility_reporting_line l JOIN subtree s ON l.reports_to_id = s.id
    )
    SELECT id FROM subtree`;
  return new Set(rows.map((r) => r.id));
}

export async function writeAudit(db: Db, state: RequestState | undefined, entry: AuditEntry): Promise<void> {
  const principal = state?.principal;
  await db.auditEvent.create({
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
