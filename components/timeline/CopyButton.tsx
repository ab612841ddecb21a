import { useState } from 'preact/hooks';

/**
 * The async clipboard API is refused in some DevTools frames; the old selection-based copy
 * still works there.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CopyButton({ text, label, title }: { text: () => string; label: string; title: string }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  return (
    <button
      class="copy"
      title={title}
      onClick={(e) => {
        e.stopPropagation();
        void copyText(text()).then((ok) => {
          setState(ok ? 'done' : 'failed');
          setTimeout(() => setState('idle'), 1200);
        });
      }}
    >
      {state === 'done' ? 'copied' : state === 'failed' ? 'copy failed' : label}
    </button>
  );
}
