import { z } from 'zod';

/** Field schemas shared by the profiles. All object schemas elsewhere are loose (extra keys allowed). */

export const Id = z.string().min(1);
/** ISO-8601 with or without an offset, as servers in different languages write it. */
export const Time = z.iso.datetime({ offset: true, local: true });
export const Count = z.number().int().nonnegative();
export const Millis = z.number().nonnegative();
/** Any JSON value, but the key must be there. */
export const Present = z.custom<unknown>((v) => v !== undefined, 'Required');
export const AnyObject = z.record(z.string(), z.unknown());
