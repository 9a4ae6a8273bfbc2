/**
 * The people an expert declares (a 近亲属, or the person of an 「其他」 relation), kept as the pool's own
 * 身份证号 are (decision 0016): inside the relations' JSON each person's number is an envelope with its
 * keyed match hash beside it, never the number. Recusal compares the hash with the nominees'; the setup
 * shows the envelope's mask, and a mask the edit form sends back stands for the number it masks.
 */
import { error } from '#core/findings.ts';
import { maskIdNumber } from '#core/identity/id-number.ts';
import { normaliseIdentifier } from '#core/identity/normalise.ts';
import { isSealed, type SealedValue } from '#core/identity/personal-fields.ts';
import type { DeclaredRelation, PersonFacts } from '#core/review/conflict-facts.ts';
import { AppError } from '#server/platform/errors.ts';
import type { DataKeyring } from '#server/platform/personal-data/data-keys.ts';
import { matchHash, open, seal } from '#server/platform/personal-data/envelope.ts';

const FIELD = 'idNumber';

/** A declared person as stored. A clear `idNumber` is only in rows written before it was sealed. */
interface StoredPerson {
  name: string;
  idNumberSealed?: SealedValue;
  idNumberHash?: string;
  idNumber?: string | null;
}

type Relation<P> = Record<string, unknown> & { person?: P };

const listOf = (stored: unknown) => (Array.isArray(stored) ? stored : []) as Relation<StoredPerson>[];

/** The relations with each declared person replaced by `to(person)`; units and dates as they are. */
function mapPeople<P, Q>(relations: readonly Relation<P>[], to: (person: P) => Q): Relation<Q>[] {
  return relations.map((r) => (r.person ? { ...r, person: to(r.person) } : (r as Relation<Q>)));
}

const clearOf = (person: StoredPerson, keyring: DataKeyring) => {
  if (person.idNumberSealed) {
    if (!isSealed(person.idNumberSealed)) throw new Error('个人信息（申报关系人身份证号）的存储格式不正确');
    return open(FIELD, person.idNumberSealed, keyring);
  }
  return person.idNumber?.trim() ? person.idNumber : null;
};

const maskOf = (person: StoredPerson) =>
  person.idNumberSealed?.mask ?? (person.idNumber?.trim() ? maskIdNumber(person.idNumber) : null);

function sealPerson(name: string, clear: string | null, keyring: DataKeyring): StoredPerson {
  if (!clear?.trim()) return { name };
  const hash = matchHash(FIELD, clear, keyring);
  return { name, idNumberSealed: seal(FIELD, clear, keyring), ...(hash ? { idNumberHash: hash } : {}) };
}

const sameName = (a: string, b: string) => a.trim() === b.trim();

/**
 * The relations as declared, each person's number sealed. A number typed whole is sealed as typed; a
 * mask (the setup shows only masks, and the edit form sends them back) keeps the number it stands for
 * among `kept`, the relations stored before, for a person of the same name. A mask that stands for
 * nothing kept is refused: the number would be lost.
 */
export function sealRelations(
  declared: readonly DeclaredRelation[],
  kept: unknown,
  keyring: DataKeyring,
): Relation<StoredPerson>[] {
  const before = listOf(kept).flatMap((r) => (r.person ? [r.person] : []));
  const refused: string[] = [];
  const sealed = mapPeople(declared as unknown as Relation<PersonFacts>[], (person) => {
    const typed = person.idNumber?.trim() ?? '';
    if (!typed.includes('*')) return sealPerson(person.name, typed || null, keyring);
    const same = before.find(
      (p) => sameName(p.name, person.name) && maskOf(p) === normaliseIdentifier(typed),
    );
    if (!same) refused.push(person.name);
    return same ? sealPerson(person.name, clearOf(same, keyring), keyring) : { name: person.name };
  });
  if (refused.length > 0) {
    const findings = refused.map((name) =>
      error(
        'RELATIVE_ID_INCOMPLETE',
        'relations',
        `申报关系人「${name}」的身份证号只显示了部分数字，请填写完整的 18 位身份证号，或清空该号码`,
      ),
    );
    throw new AppError('VALIDATION_FAILED', findings.map((f) => f.message).join('；'), { findings });
  }
  return sealed;
}

/** The same relations sealed anew under the current key (a clear number of an old row sealed now). */
export const resealRelations = (stored: unknown, keyring: DataKeyring) =>
  mapPeople(listOf(stored), (person) => sealPerson(person.name, clearOf(person, keyring), keyring));

/** The relations as the setup shows them: each person's number as its mask, nothing sealed. */
export const shownRelations = (stored: unknown): DeclaredRelation[] =>
  mapPeople(listOf(stored), (person) => ({
    name: person.name,
    idNumber: maskOf(person),
  })) as unknown as DeclaredRelation[];

/**
 * The relations as the recusal rules read them: each person's number is its stored match hash, the
 * one the nominees' hashes are compared with. A row written before the numbers were sealed (the start
 * seals it) is hashed from its clear number meanwhile, so recusal does not miss it.
 */
export const relationFacts = (stored: unknown, keyring: DataKeyring): DeclaredRelation[] =>
  mapPeople(listOf(stored), (person) => ({
    name: person.name,
    idNumber:
      person.idNumberHash ?? (person.idNumber?.trim() ? matchHash(FIELD, person.idNumber, keyring) : null),
  })) as unknown as DeclaredRelation[];
