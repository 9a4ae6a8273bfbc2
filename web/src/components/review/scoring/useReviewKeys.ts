/**
 * The keyboard of an expert who scores many nominations in a row: Alt+→ / Alt+← (anywhere) or J / K
 * (outside a text box) to the next / previous nomination, Ctrl+Enter (⌘+Enter on a Mac) to submit.
 */
import { useEffect, useRef } from 'react';

interface Keys {
  next: () => void;
  previous: () => void;
  submit: () => void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['radio', 'checkbox', 'button', 'submit'].includes(type);
}

export function useReviewKeys(keys: Keys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        ref.current.submit();
        return;
      }
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        if (event.key === 'ArrowRight') {
          event.preventDefault();
          ref.current.next();
        } else if (event.key === 'ArrowLeft') {
          event.preventDefault();
          ref.current.previous();
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (event.key === 'j' || event.key === 'J') ref.current.next();
      else if (event.key === 'k' || event.key === 'K') ref.current.previous();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
