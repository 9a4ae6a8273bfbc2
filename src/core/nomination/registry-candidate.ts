/**
 * The fields of a 推介表 that the registry compares (previous-winners.ts), read from a form whether
 * saved or still being typed: the server matches both the stored form and the one on the screen.
 */
import type { Category } from '../campaign/rules.ts';
import { deriveStarIdentity } from './forms/star-form.ts';
import type { MatchCandidate } from './previous-winners.ts';

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function registryCandidate(
  category: Category,
  form: Record<string, unknown>,
  today: string,
): MatchCandidate {
  if (category === 'project') {
    return {
      category,
      name: str(form.name),
      unit: str(form.entityName),
      creditCode: str(form.creditCode),
    };
  }
  const idNumber = str(form.idNumber);
  return {
    category,
    name: str(form.name),
    unit: str(form.workUnit),
    idNumber,
    birthDate: idNumber?.trim() ? deriveStarIdentity({ idNumber }, today).birthDate : undefined,
  };
}
