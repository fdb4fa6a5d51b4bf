/**
 * Prisma 6.19's query compiler (WebAssembly, `engineType = "client"`) compiles every query from
 * scratch: one to two milliseconds of the API's only thread per statement, often more than
 * PostgreSQL takes to answer it. Reads are compiled once per shape instead and their plans reused:
 *
 * - the same read asked again (the same list page, its count, the same lookup) reuses its plan;
 * - a read that differs only in the values of its filters (another search term, another facility,
 *   another month) reuses the plan of its shape: the values of `where` are replaced by markers,
 *   the shape is compiled once, and each use puts its own values where the markers landed (the
 *   compiler passes filter values through as SQL parameters, `%…%` added around a `contains`).
 *   The first uses of every shape are compiled directly too and compared; a shape whose plan does
 *   not come out the same is compiled directly from then on. With PRISMA_PLAN_CACHE_VERIFY=always
 *   (the API tests) every use is compared, and a difference is an error.
 *
 * Writes, `take`/`skip`, sort orders, dates and long queries are never turned into markers.
 * This wraps a class of Prisma's runtime: check it on every Prisma upgrade (docs/prisma-offline.md)
 * and remove it once Prisma caches plans itself.
 */
/** Reads (`count()` reaches the compiler as `aggregate`). */
const READ_ACTIONS =
  /^\{"modelName":"[A-Za-z]+","action":"(findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|aggregate|groupBy)"/;
/** Plans kept per cache (least recently used dropped first): a few MB at most. */
const MAX_PLANS = 2_000;
/** Longer queries are rarely asked twice the same (and would hold their values in memory). */
const MAX_QUERY_LENGTH = 8_192;
/** Uses of a new shape compiled directly as well, to see that its markers stand for its values. */
const VERIFIED_USES = 2;
/** Numbers that stand for a filter's numbers in a shape (far above any id; within int4). */
const NUMBER_MARKER_BASE = 2_100_000_000;
/** Markers of one shape at most (the numbers' markers have three digits of their own). */
const MAX_MARKERS = 1_000;
/** Strings that stand for a filter's strings: control characters no request holds. */
const stringMarker = (index: number) => `\u0001m${index}\u0001`;
/** A marker as it appears inside the JSON text of a plan (between quotes, or within a quoted string). */
const markerText = (marker: string | number) => (typeof marker === 'number' ? String(marker) : JSON.stringify(marker).slice(1, -1));
/** Keys under `where` whose strings choose how to compare, not what with. */
const KEYWORDS = new Set(['mode']);

interface QueryCompilerClass {
  prototype: { compile(request: string): unknown; planCache?: true };
}

interface Shape {
  /** The plan's JSON with markers; null when this shape is compiled directly. */
  template: string | null;
  markers: (string | number)[];
  verifiedUses: number;
}

/** A small least-recently-used map. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= MAX_PLANS) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
  }
}

/**
 * The request with the strings and numbers of every `where` replaced by markers, and those values
 * in order; null values, booleans, dates and arrays' lengths stay, so they are part of the shape.
 */
export function parameterize(request: unknown): { shape: unknown; values: (string | number)[] } {
  const values: (string | number)[] = [];
  const mark = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') {
      if (key !== null && KEYWORDS.has(key)) return value;
      values.push(value);
      return stringMarker(values.length - 1);
    }
    if (typeof value === 'number' && Number.isInteger(value)) {
      values.push(value);
      return NUMBER_MARKER_BASE + values.length - 1;
    }
    if (Array.isArray(value)) return value.map((item) => mark(item, null));
    if (value !== null && typeof value === 'object') {
      // A typed value ({"$type": "DateTime", ...}) stays as it is.
      if ('$type' in value) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark(v, k)]));
    }
    return value;
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'where' ? mark(value, null) : walk(value)]));
  };
  return { shape: walk(request), values };
}

/** Markers within the JSON text of a plan, found in one pass (a value put in is never read again). */
const MARKERS = /\\u0001m\d+\\u0001|(?<!\d)2100000\d{3}(?!\d)/g;

/** The plan of a shape's template with the values of one request where their markers are. */
function instantiate(template: string, markers: (string | number)[], values: (string | number)[]): string {
  const replacements = new Map<string, string>();
  markers.forEach((marker, index) => {
    const value = values[index];
    replacements.set(markerText(marker), typeof value === 'number' ? String(value) : JSON.stringify(value).slice(1, -1));
  });
  return template.replace(MARKERS, (found) => replacements.get(found) ?? found);
}

/** A number's marker in a string or a number of a plan (outside the JSON text). */
const NUMBER_MARKER = /(?<!\d)2100000\d{3}(?!\d)/;
/** How every string marker starts. */
const STRING_MARKER_START = stringMarker(0).slice(0, 2);
/** Whether a string or number of a plan holds a marker. */
const holdsMarker = (value: string) => value.includes(STRING_MARKER_START) || NUMBER_MARKER.test(value);

/** Whether the markers of a compiled shape sit only in the parameter lists (`args`) of its statements. */
export function markersOnlyInParameters(plan: unknown): boolean {
  const clean = (node: unknown, inArgs: boolean): boolean => {
    if (typeof node === 'string' || typeof node === 'number') return inArgs || !holdsMarker(String(node));
    if (Array.isArray(node)) return node.every((item) => clean(item, inArgs));
    if (node === null || typeof node !== 'object') return true;
    return Object.entries(node).every(([key, value]) => clean(value, inArgs || (key === 'args' && Array.isArray(value))));
  };
  return clean(plan, false);
}

export function cacheQueryPlans(): void {
  const { QueryCompiler } = require('@prisma/client/runtime/query_compiler_bg.postgresql.js') as { QueryCompiler: QueryCompilerClass };
  const prototype = QueryCompiler.prototype;
  if (prototype.planCache) return;
  const compile = prototype.compile;
  const verifyAlways = process.env['PRISMA_PLAN_CACHE_VERIFY'] === 'always';
  // PRISMA_PLAN_CACHE_SHAPES=off compiles a read with new values anew, as before plans per shape:
  // the way back should a Prisma upgrade change what its plans hold before this file is checked.
  const byShape = process.env['PRISMA_PLAN_CACHE_SHAPES'] !== 'off';
  const plans = new Lru<unknown>();
  const shapes = new Lru<Shape>();

  prototype.compile = function (this: unknown, request: string): unknown {
    if (request.length > MAX_QUERY_LENGTH || !READ_ACTIONS.test(request)) return compile.call(this, request);
    const cached = plans.get(request);
    if (cached !== undefined && !verifyAlways) return cached;
    const plan = byShape ? planOf.call(this, request) : compile.call(this, request);
    plans.set(request, plan);
    return plan;
  };

  function planOf(this: unknown, request: string): unknown {
    const { shape: shapeRequest, values } = parameterize(JSON.parse(request));
    if (values.length === 0 || values.length > MAX_MARKERS) return compile.call(this, request);
    const key = JSON.stringify(shapeRequest);
    let shape = shapes.get(key);
    if (!shape) {
      shape = {
        template: null,
        markers: values.map((value, index) => (typeof value === 'number' ? NUMBER_MARKER_BASE + index : stringMarker(index))),
        verifiedUses: 0,
      };
      try {
        const plan = compile.call(this, key);
        const template = JSON.stringify(plan);
        // Every marker must have landed, and only among a statement's parameters: a value in SQL
        // text, or one that decides more than a parameter, keeps its shape compiled directly.
        if (markersOnlyInParameters(plan) && shape.markers.every((marker) => template.includes(markerText(marker))))
          shape.template = template;
      } catch {
        // A marker the compiler refuses (an enum's value, say): this shape is compiled directly.
      }
      shapes.set(key, shape);
    }
    if (shape.template === null) return compile.call(this, request);
    const text = instantiate(shape.template, shape.markers, values);
    if (shape.verifiedUses < VERIFIED_USES || verifyAlways) {
      const direct = compile.call(this, request);
      if (JSON.stringify(direct) !== text) {
        shape.template = null;
        if (verifyAlways) throw new Error(`query plan cache: the plan of a shape differs from the compiled plan for ${request}`);
        return direct;
      }
      shape.verifiedUses++;
      return direct;
    }
    return JSON.parse(text);
  }

  prototype.planCache = true;
}
