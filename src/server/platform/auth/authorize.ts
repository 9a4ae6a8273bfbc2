import { forbidden } from '../errors.ts';
import type { Principal as Actor } from './actor.ts';

export type Rules<Action extends string, Subject> = Record<
  Action,
  (actor: Actor, subject: Subject) => boolean
>;

/**
 * Turns a module's named predicates into the three questions every use case and presenter asks:
 * may the actor do this (`can`), stop if not (`authorize`), and which actions to offer (`actionsFor`).
 */
export function authorizer<Action extends string, Subject>(rules: Rules<Action, Subject>) {
  const names = Object.keys(rules) as Action[];
  return {
    can: (actor: Actor, action: Action, subject: Subject): boolean => rules[action](actor, subject),
    authorize(actor: Actor, action: Action, subject: Subject): void {
      if (!rules[action](actor, subject)) throw forbidden();
    },
    actionsFor: (actor: Actor, subject: Subject): Action[] =>
      names.filter((name) => rules[name](actor, subject)),
  };
}
