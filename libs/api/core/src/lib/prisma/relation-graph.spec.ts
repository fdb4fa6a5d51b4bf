import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PrismaClient } from '../../generated/prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';
import { relationGraph } from './relation-graph';

/** The list/to-one convention of relation-graph.ts, checked against the schema's own `[]`. */
describe('relationGraph', () => {
  const schema = readFileSync(resolve(__dirname, '../../../../../../prisma/schema.prisma'), 'utf8');
  const graph = relationGraph(new PrismaClient({ adapter: new PrismaPg({ connectionString: 'postgresql://localhost/unused' }) }));

  it('knows every relation field of every model, and whether it is a list', () => {
    const declared: string[] = [];
    for (const block of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      const [, model, body] = block;
      for (const line of body.split('\n')) {
        const match = /^\s+(\w+)\s+(\w+)(\[\])?\??\s/.exec(line + ' ');
        if (!match || !graph[match[2]]) continue;
        declared.push(`${model}.${match[1]}:${match[3] ? 'list' : 'one'}`);
      }
    }
    const known = Object.entries(graph).flatMap(([model, relations]) =>
      Object.entries(relations).map(([name, r]) => `${model}.${name}:${r.list ? 'list' : 'one'}`),
    );
    expect(declared.length).toBeGreaterThan(50);
    expect(known.sort()).toEqual(declared.sort());
  });
});
