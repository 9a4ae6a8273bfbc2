/**
 * Autosave of a 推介表 draft: 1.5 s after typing stops the form goes to the server with the `version` it
 * was based on; each answer's version is the base of the next save, and saves never overlap. Work is
 * never lost: every edit is first written to localStorage (offered back on reopening), a network failure
 * retries, a STALE_VERSION (another tab or person saved) stops saving rather than overwrite, and closing
 * the tab with unsaved changes asks first.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { canonicalJson } from '#core/canonical-json.ts';
import type { Finding } from '#core/findings.ts';
import { ApiError } from '../api/client.ts';
import { type Nomination, saveNomination } from '../api/nominations.ts';

export const AUTOSAVE_DELAY_MS = 1500;
const RETRY_MS = 10_000;

export type SaveStatus =
  /** Nothing typed since opening. */
  | 'idle'
  /** Typed; the save waits for a pause. */
  | 'pending'
  | 'saving'
  | 'saved'
  /** Network or server trouble; retried automatically. */
  | 'error'
  /** The server refused the content (VALIDATION_FAILED); the next edit tries again. */
  | 'invalid'
  /** Someone saved a newer version: saving stops until the page is reloaded. */
  | 'stale'
  /** The draft can no longer be saved (deadline passed, submitted elsewhere). */
  | 'blocked';

export interface SaveState {
  status: SaveStatus;
  savedAt?: Date;
  message?: string;
  findings?: Finding[];
}

interface LocalCopy {
  form: Record<string, unknown>;
  /** The server version the local edits were made on. */
  version: number;
  at: number;
}

const storageKey = (id: string) => `tuijie.nomination-draft.${id}`;

export function readLocalCopy(id: string): LocalCopy | null {
  try {
    const raw = localStorage.getItem(storageKey(id));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalCopy;
    return parsed && typeof parsed.form === 'object' && parsed.form !== null ? parsed : null;
  } catch {
    return null;
  }
}

function writeLocalCopy(id: string, copy: LocalCopy): void {
  try {
    localStorage.setItem(storageKey(id), JSON.stringify(copy));
  } catch {
    // Storage full or disabled (private mode): the server save still runs.
  }
}

export function clearLocalCopy(id: string): void {
  try {
    localStorage.removeItem(storageKey(id));
  } catch {
    // ignore
  }
}

export function sameForm(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function useAutosave(initial: Nomination, enabled: boolean, onSaved: (n: Nomination) => void) {
  const id = initial.id;
  const [form, setForm] = useState<Record<string, unknown>>(initial.form);
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const formRef = useRef(form);
  const versionRef = useRef(initial.version);
  const editSeq = useRef(0);
  const savedSeq = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const halted = useRef(!enabled);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const saveOnce = useCallback(async (): Promise<void> => {
    const seq = editSeq.current;
    const body = formRef.current;
    setState((s) => ({ ...s, status: 'saving' }));
    try {
      const saved = await saveNomination(id, body, versionRef.current);
      versionRef.current = saved.version;
      savedSeq.current = seq;
      onSavedRef.current(saved);
      if (seq === editSeq.current) {
        clearLocalCopy(id);
        setState({ status: 'saved', savedAt: new Date() });
      } else {
        // More typing arrived meanwhile: keep the local copy on the new base version.
        writeLocalCopy(id, { form: formRef.current, version: saved.version, at: Date.now() });
        setState({ status: 'pending', savedAt: new Date() });
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        halted.current = true;
        setState({ status: 'stale', message: error.message });
      } else if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        const details = error.details as { findings?: Finding[] } | undefined;
        setState({ status: 'invalid', message: error.message, findings: details?.findings ?? [] });
      } else if (
        error instanceof ApiError &&
        // Refused in the nomination's present state (submitted, deadline passed, campaign closed: each its
        // own code, all 409), or no longer the unit's: saving again would be refused again.
        (error.status === 409 || error.status === 403 || error.status === 404)
      ) {
        halted.current = true;
        setState({ status: 'blocked', message: error.message });
      } else {
        setState((s) => ({ status: 'error', savedAt: s.savedAt, message: (error as Error).message }));
        if (!(error instanceof ApiError && error.status === 401)) {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
        }
      }
    }
  }, [id]);

  /** Saves now what is unsaved; true when everything typed is on the server. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    // One save at a time: each must carry the version the previous one returned.
    while (inFlight.current) await inFlight.current;
    if (halted.current) return false;
    if (savedSeq.current === editSeq.current) return true;
    const promise = saveOnce();
    inFlight.current = promise;
    try {
      await promise;
    } finally {
      inFlight.current = null;
    }
    return !halted.current && savedSeq.current === editSeq.current;
  }, [saveOnce]);
  const flushRef = useRef(flush);
  flushRef.current = flush;

  const change = useCallback(
    (update: Record<string, unknown> | ((current: Record<string, unknown>) => Record<string, unknown>)) => {
      const next = typeof update === 'function' ? update(formRef.current) : update;
      formRef.current = next;
      setForm(next);
      editSeq.current += 1;
      writeLocalCopy(id, { form: next, version: versionRef.current, at: Date.now() });
      if (halted.current) return;
      setState((s) => ({ ...s, status: s.status === 'invalid' ? 'invalid' : 'pending' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushRef.current(), AUTOSAVE_DELAY_MS);
    },
    [id],
  );

  const dirty = useCallback(() => savedSeq.current !== editSeq.current, []);

  // Closing the tab or reloading with unsaved edits asks first (the local copy is kept either way).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty()) return;
      void flushRef.current();
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  // Leaving the page inside the app saves what was typed; the local copy covers a failure.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (dirty()) void flushRef.current();
    },
    [dirty],
  );

  return {
    form,
    change,
    flush,
    state,
    dirty,
    version: () => versionRef.current,
  };
}
