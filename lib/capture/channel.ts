/**
 * Names and limits shared by the page hook, the bridge and the background. No imports: the
 * page hook is bundled into every captured frame and must stay small.
 */

/** DOM event types on the page's window: hook → bridge (detail: JSON batch or "hello"). */
export const CAPTURE_EVENT = 'streamscope:capture';
/** bridge → hook (detail: JSON command). */
export const COMMAND_EVENT = 'streamscope:command';
/** runtime.Port name of a bridge. */
export const CAPTURE_PORT = 'streamscope-capture';

/** A frame above this is kept truncated to it, with its real size (never dropped silently). */
export const MAX_CAPTURED_FRAME = 1024 * 1024;
/** A batch string above this is refused whole (a frame is capped, so only a forged batch gets here). */
export const MAX_BATCH_CHARS = 32 * 1024 * 1024;
/** Records per batch, and records per second per frame above which records are dropped and counted. */
export const MAX_BATCH_RECORDS = 5_000;
export const MAX_RECORDS_PER_SECOND = 20_000;
/** Streams one frame may have open at once; more are not captured (and counted). */
export const MAX_STREAMS_PER_FRAME = 256;

