import { originMatchPattern } from './origins';

/** The parts of `browser.scripting` registration uses (typed loosely: Firefox MV2 has it too). */
export interface ScriptingApi {
  registerContentScripts(scripts: object[]): Promise<unknown>;
  unregisterContentScripts(filter?: { ids: string[] }): Promise<unknown>;
  getRegisteredContentScripts(filter?: { ids: string[] }): Promise<{ id: string }[]>;
}

const MAIN_ID = 'streamscope-capture-main';
const BRIDGE_ID = 'streamscope-capture-bridge';

/**
 * Registers the page hook (page world) and its bridge (isolated world) for the origins capture
 * is on for, at document_start in every frame, replacing any earlier registration. With no
 * origins, nothing is registered and pages loaded from then on run unchanged.
 */
export async function syncCaptureScripts(scripting: ScriptingApi, origins: string[]): Promise<void> {
  const ids = [MAIN_ID, BRIDGE_ID];
  const existing = (await scripting.getRegisteredContentScripts({ ids })).map((s) => s.id);
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing });
  if (origins.length === 0) return;
  const matches = [...new Set(origins.map(originMatchPattern))];
  const common = { matches, runAt: 'document_start', allFrames: true, persistAcrossSessions: false };
  await scripting.registerContentScripts([
    { ...common, id: MAIN_ID, js: ['capture-main.js'], world: 'MAIN' },
    { ...common, id: BRIDGE_ID, js: ['capture-bridge.js'] },
  ]);
}
