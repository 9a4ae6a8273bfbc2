/**
 * Moving a 推介 through the state table (提交, 撤回, 退回修改, 形式审查, …): the move waiting for
 * confirmation in the dialog, the endpoint each move goes to, and the server's refusal, kept on screen
 * with its findings until the next move or until dismissed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import type { Finding } from '#core/findings.ts';
import { findingsOf } from '../api/campaigns.ts';
import { ApiError } from '../api/client.ts';
import {
  NOMINATIONS_KEY,
  type Nomination,
  type NominationTransitionOption,
  reviewNomination,
  submitNomination,
  transitionNomination,
  withdrawNomination,
} from '../api/nominations.ts';
import { useShowError } from './useShowError.ts';

export interface Refusal {
  message: string;
  findings: Finding[];
}

export function useNominationMove({
  nomination,
  organiser,
  flush,
  onMoved,
}: {
  nomination: Nomination;
  organiser: boolean;
  /** Saves what is still unsaved; false when it could not be saved. */
  flush: () => Promise<boolean>;
  onMoved: (next: Nomination) => void;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [pending, setPending] = useState<NominationTransitionOption | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const move = useMutation({
    mutationFn: async ({
      transition,
      reason,
    }: {
      transition: NominationTransitionOption;
      reason: string;
    }) => {
      const id = nomination.id;
      if (transition.to === 'submitted') {
        // The server submits what it has: the last edits must reach it first.
        const saved = await flush();
        if (!saved) throw new ApiError(0, 'NOT_SAVED', '推介表还有未保存的修改，请先解决保存问题后再提交');
        return submitNomination(id);
      }
      if (transition.to === 'withdrawn' && !organiser) return withdrawNomination(id, reason || undefined);
      if (organiser && nomination.state === 'submitted' && transition.to === 'accepted')
        return reviewNomination(id, 'accept');
      if (organiser && transition.to === 'returned') return reviewNomination(id, 'return', reason);
      return transitionNomination(id, transition.to, reason || undefined);
    },
    onSuccess: (next, { transition }) => {
      setPending(null);
      setRefusal(null);
      message.success(transition.to === 'submitted' ? '已提交' : `已${transition.label}`);
      void queryClient.invalidateQueries({ queryKey: [...NOMINATIONS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...NOMINATIONS_KEY, 'quota'] });
      onMoved(next);
    },
    onError: (error) => {
      setPending(null);
      // A refusal with reasons stays on the page above the form; anything else is a passing message.
      const found = findingsOf(error);
      if (found.length > 0 || (error instanceof ApiError && error.status !== 401)) {
        setRefusal({ message: (error as Error).message, findings: found });
        window.scrollTo({ top: 0, behavior: 'smooth' });
      } else showError(error);
    },
  });

  return {
    /** The move the dialog asks to confirm. */
    pending,
    ask: (transition: NominationTransitionOption) => setPending(transition),
    cancel: () => setPending(null),
    confirm: (reason: string) => {
      if (pending) move.mutate({ transition: pending, reason });
    },
    isPending: move.isPending,
    isMoving: (to: NominationTransitionOption['to']) =>
      move.isPending && move.variables?.transition.to === to,
    refusal,
    dismissRefusal: () => setRefusal(null),
  };
}
