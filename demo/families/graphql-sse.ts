import type { FamilyScript } from './context';

/*
 * A GraphQL subscription over SSE as the graphql-sse library serves it in its "distinct
 * connections mode": the stream is the one operation (`subscription { onStockChanged { … } }`),
 * each result an `event: next`. About once a minute a result carries an error instead.
 */

const SKUS = ['sku-114', 'sku-207', 'sku-350', 'sku-481'];

export const graphqlSse: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  for (let n = 1; ; n++) {
    if (n > 1) ctx.pause(); // the first result comes at once, as in every demo stream
    const sku = rng.pick(SKUS);
    if (n % 60 === 0) yield { name: 'next', data: { data: { onStockChanged: null }, errors: [{ message: `Stock feed for ${sku} timed out`, path: ['onStockChanged'] }] } };
    else yield { name: 'next', data: { data: { onStockChanged: { sku, level: rng.int(0, 40), at: ctx.iso() } } } };
  }
};
