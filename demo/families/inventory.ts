import type { FamilyScript } from './context';

const PRODUCTS = ['kettle', 'toaster', 'blender', 'lamp', 'desk fan', 'radio', 'clock', 'heater'];
const WAREHOUSES = ['north', 'south', 'east'];

/**
 * A stream of the app's own shape, known to no built-in profile: unnamed SSE events whose type is
 * `event` and whose item is `payload.id` (the demo endpoint's custom profile says so).
 */
export const inventory: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  const stock = new Map<string, number>();
  for (;;) {
    const n = rng.int(1, PRODUCTS.length);
    const id = `sku-${n}`;
    const warehouse = rng.pick(WAREHOUSES);
    const qty = stock.get(id);
    if (qty === undefined) {
      const start = rng.int(5, 40);
      stock.set(id, start);
      yield { data: { event: 'item.created', payload: { id, name: PRODUCTS[n - 1], state: 'in_stock', qty: start, warehouse } } };
    } else {
      const next = rng.chance(0.3) ? qty + rng.int(5, 20) : Math.max(0, qty - rng.int(1, 6));
      stock.set(id, next);
      const state = next === 0 ? 'sold_out' : next < 5 ? 'low' : 'in_stock';
      yield { data: { event: next === 0 ? 'item.sold_out' : 'item.updated', payload: { id, state, qty: next, warehouse } } };
    }
    // After the event: a stream's first event comes at once.
    ctx.pause();
  }
};
