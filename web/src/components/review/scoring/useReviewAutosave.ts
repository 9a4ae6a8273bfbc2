/**
 * Autosave of one review draft, shaped like the 推介表's (lib/useAutosave.ts, which is bound to
 * nominations): 1.2 s after the expert stops, the scores go to the server with the version they were
 * based on; saves never overlap; a score core refuses is not sent (the finding shows instead); a
 * STALE_VERSION or a refusal in the review's state stops saving rather than overwrite; leaving the
 * nomination (next / previous) saves first. Every edit is also kept in localStorage until the server has
 * it: reopening the nomination after a lost connection or a closed tab puts it back (only onto the very
 * version it was made on, so nothing saved elsewhere is overwritten) and saves it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Rubric } from '#core/review/rubric.ts';
import { ApiError } from '#web/api/client.ts';
import { type ReviewDraft, saveReview } from '#web/api/review-scoring.ts';
import type { SaveState } from '#web/lib/useAutosave.ts';
import { contentOf, draftFindings, type ReviewContent } from './reviewContent.ts';

export const REVIEW_AUTOSAVE_DELAY_MS = 1200;
const RETRY_MS = 10_000;

interface LocalCopy {
  content: ReviewContent;
  version: number;
}

const storageKey = (roundId: string, nominationId: string) =>
  `tuijie.review-draft.${roundId}.${nominationId}`;

function readLocalCopy(key: string): LocalCopy | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? 'null') as LocalCopy | null;
    return parsed && typeof parsed.content === 'object' && typeof parsed.version === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

function writeLocalCopy(key: string, copy: LocalCopy | null): void {
  try {
    if (copy) localStorage.setItem(key, JSON.stringify(copy));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or disabled (private mode): the server save still runs.
  }
}

export function useReviewAutosave(
  target: { roundId: string; nominationId: string; rubric: Rubric },
  initial: ReviewDraft,
  enabled: boolean,
  onSaved: (review: ReviewDraft) => void,
) {
  const { roundId, nominationId, rubric } = target;
  const key = storageKey(roundId, nominationId);
  const [restored] = useState<ReviewContent | null>(() => {
    const copy = readLocalCopy(key);
    if (copy && enabled && copy.version === initial.version) return copy.content;
    if (copy) writeLocalCopy(key, null);
    return null;
  });
  const [content, setContent] = useState<ReviewContent>(() => restored ?? contentOf(initial));
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const contentRef = useRef(content);
  const versionRef = useRef(initial.version);
  const editSeq = useRef(0);
  const savedSeq = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const halted = useRef(!enabled);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  useEffect(() => {
    halted.current = !enabled;
  }, [enabled]);

  const saveOnce = useCallback(async (): Promise<void> => {
    const seq = editSeq.current;
    const body = contentRef.current;
    const local = draftFindings(rubric, body);
    if (local.length > 0) {
      setState((s) => ({ status: 'invalid', savedAt: s.savedAt, findings: local }));
      return;
    }
    setState((s) => ({ ...s, status: 'saving' }));
    try {
      const saved = await saveReview(roundId, nominationId, { ...body, version: versionRef.current });
      versionRef.current = saved.review.version;
      savedSeq.current = seq;
      onSavedRef.current(saved.review);
      writeLocalCopy(
        key,
        seq === editSeq.current ? null : { content: contentRef.current, version: saved.review.version },
      );
      setState({
        status: seq === editSeq.current ? 'saved' : 'pending',
        savedAt: new Date(),
        findings: saved.findings,
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        halted.current = true;
        setState({ status: 'stale', message: error.message });
      } else if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
        const details = error.details as { findings?: SaveState['findings'] } | undefined;
        setState({ status: 'invalid', message: error.message, findings: details?.findings ?? [] });
      } else if (error instanceof ApiError && [403, 404, 409].includes(error.status)) {
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
  }, [roundId, nominationId, rubric, key]);

  /** Saves now what is unsaved; true when everything entered is on the server. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (savedSeq.current === editSeq.current) return true;
    if (halted.current) return false;
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
    (update: Partial<ReviewContent>) => {
      const next = { ...contentRef.current, ...update };
      contentRef.current = next;
      setContent(next);
      editSeq.current += 1;
      writeLocalCopy(key, { content: next, version: versionRef.current });
      if (halted.current) return;
      setState((s) => ({ ...s, status: 'pending' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushRef.current(), REVIEW_AUTOSAVE_DELAY_MS);
    },
    [key],
  );

  // Edits kept from an earlier visit go to the server as soon as the page is open again.
  useEffect(() => {
    if (!restored) return;
    editSeq.current += 1;
    setState({ status: 'pending', message: '已恢复上次未保存的评分' });
    timer.current = setTimeout(() => void flushRef.current(), 0);
  }, [restored]);

  /** After submit or reopen: the server's review is the new base, nothing is unsaved. */
  const reset = useCallback(
    (review: ReviewDraft) => {
      clearTimeout(timer.current);
      const next = contentOf(review);
      contentRef.current = next;
      setContent(next);
      versionRef.current = review.version;
      savedSeq.current = editSeq.current;
      writeLocalCopy(key, null);
      setState((s) => ({ status: s.savedAt ? 'saved' : 'idle', savedAt: s.savedAt }));
    },
    [key],
  );

  const dirty = useCallback(() => savedSeq.current !== editSeq.current, []);

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

  // Moving to another nomination unmounts this one: what was entered is saved on the way out.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (dirty()) void flushRef.current();
    },
    [dirty],
  );

  return { content, change, flush, reset, state, dirty, version: () => versionRef.current };
}
