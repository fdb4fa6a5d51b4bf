import type { PrismaClient } from '../../generated/prisma/client';

/** For each model, its relation fields: the model they lead to, and whether they hold a list. */
export type RelationGraph = Readonly<Record<string, Readonly<Record<string, { target: string; list: boolean }>>>>;

interface RuntimeField {
  name: string;
  kind: string;
  type: string;
}

/**
 * Reads the relations from the client's own data model. Prisma's runtime model does not say
 * whether a relation is a list; in this schema a to-one relation always sits beside its foreign
 * key `<relation>Id` or `<relation>Code` (relation-graph.spec.ts checks that against prisma/schema.prisma).
 */
export function relationGraph(client: PrismaClient): RelationGraph {
  const models = (client as unknown as { _runtimeDataModel: { models: Record<string, { fields: RuntimeField[] }> } })._runtimeDataModel
    .models;
  return relationGraphOf(models);
}

export function relationGraphOf(models: Record<string, { fields: RuntimeField[] }>): RelationGraph {
  const graph: Record<string, Record<string, { target: string; list: boolean }>> = {};
  for (const [model, { fields }] of Object.entries(models)) {
    const scalars = new Set(fields.filter((f) => f.kind !== 'object').map((f) => f.name));
    graph[model] = {};
    for (const field of fields) {
      if (field.kind !== 'object') continue;
      graph[model][field.name] = { target: field.type, list: !scalars.has(`${field.name}Id`) && !scalars.has(`${field.name}Code`) };
    }
  }
  return graph;
}
