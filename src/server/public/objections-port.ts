/**
 * What the public site needs of the objections module (异议): a text captcha, submitting an objection and
 * looking up its status. The objections module provides them at start-up (`providePublicObjections` in
 * app.ts, with `submitObjection`, `getObjectionStatus`, `issueCaptcha`, `checkCaptcha`); until it does, the
 * form pages say online objections are not available and point to the written way in the notice.
 */
import type { AppContext } from '#server/platform/context.ts';
import type { Db } from '#server/platform/db/database.ts';

export type ObjectorKind = 'person' | 'unit';

/** What the form posts, shaped as the objections module's `SubmitObjectionInput`. */
export interface ObjectionFormInput {
  announcementId: string;
  entryId: string;
  objectorKind: ObjectorKind;
  objector:
    | { name: string; idNumber: string; workplace: string; phone: string }
    | { unitName: string; contactName: string; phone: string };
  facts: string;
  captcha: { token: string; answer: string };
}

export interface ObjectionStatusView {
  receipt: string;
  stateLabel: string;
  submittedAt: Date | string;
  reply: string | null;
}

export interface PublicObjections {
  issueCaptcha(now: Date): { token: string; question: string };
  submitObjection(
    context: AppContext,
    input: ObjectionFormInput,
    files: { fileName: string; bytes: Buffer }[],
    meta: { ip: string },
  ): Promise<{ receipt: string; announcementTitle: string }>;
  getObjectionStatus(db: Db, receipt: string, phone: string): Promise<ObjectionStatusView | null>;
}

let provided: PublicObjections | undefined;

export function providePublicObjections(objections: PublicObjections | undefined): void {
  provided = objections;
}

export function publicObjections(): PublicObjections | undefined {
  return provided;
}
