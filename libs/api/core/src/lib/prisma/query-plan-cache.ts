/**
 * Prisma 6.19's query compiler (WebAssembly, `engineType = "client"`) compiles every query from
 * scratch: a few milliseconds of the API's only thread per statement, often more than PostgreSQL
 * takes to answer it. A plan depends on nothing but the query (its JSON, values included) and is
 * only read when executed, so a read asked again — the same list page, its count, the same lookup —
 * reuses the plan compiled the first time. Writes and long queries are compiled each time.
 *
 * This wraps a class of Prisma's runtime: check it on every Prisma upgrade (docs/prisma-offline.md)
 * and remove it once Prisma caches plans itself.
 */
/** Reads (`count()` reaches the compiler as `aggregate`). */
const READ_ACTIONS =
  /^\{"modelName":"[A-Za-z]+","action":"(findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|aggregate|groupBy)"/;
/** Plans kept (least recently used dropped first): a few MB at most. */
const MAX_PLANS = 2_000;
/** Longer queries are rarely asked twice the same (and would hold their values in memory). */
const MAX_QUERY_LENGTH = 8_192;

interface QueryCompilerClass {
  prototype: { compile(request: string): unknown; planCache?: true };
}

export function cacheQueryPlans(): void {
  const { QueryCompiler } = require('@prisma/client/runtime/query_compiler_bg.postgresql.js') as { QueryCompiler: QueryCompilerClass };
  const prototype = QueryCompiler.prototype;
  if (prototype.planCache) return;
  const compile = prototype.compile;
  const plans = new Map<string, unknown>();
  prototype.compile = function (this: unknown, request: string): unknown {
    const cacheable = request.length <= MAX_QUERY_LENGTH && READ_ACTIONS.test(request);
    if (!cacheable) return compile.call(this, request);
    let plan = plans.get(request);
    if (plan !== undefined) {
      plans.delete(request);
    } else {
      plan = compile.call(this, request);
      if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
    }
    plans.set(request, plan);
    return plan;
  };
  prototype.planCache = true;
}
