/** An attachment for an inline panel: Escape pressed anywhere inside it closes it, as a dialog would. */
import type { Attachment } from 'svelte/attachments';

/** `{@attach closesOnEscape(close)}` on the panel's element. */
export function closesOnEscape(close: () => void): Attachment<HTMLElement> {
  return (node) => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close();
    };
    node.addEventListener('keydown', onKey);
    return () => node.removeEventListener('keydown', onKey);
  };
}
