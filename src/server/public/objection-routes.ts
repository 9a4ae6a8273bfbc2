/**
 * The objection form, its receipt and the status lookup: personal pages, never kept. They call the
 * objections module's own functions; bad input shows the form again with the errors beside
 * the fields and the values as typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SubmitObjectionInput } from '#core/contract/objections.ts';
import { getPublicAnnouncement, type PublicAnnouncement } from '#server/modules/announcements/public-view.ts';
import { issueCaptcha } from '#server/modules/objections/captcha.ts';
import { getObjectionStatus, submitObjection } from '#server/modules/objections/submit-objection.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { page } from './html.ts';
import { chineseDay } from './pages/labels.ts';
import {
  type FormErrors,
  type ObjectionFormValues,
  objectionClosedBody,
  objectionFormBody,
  receiptBody,
} from './pages/objection-form-page.ts';
import { statusBody } from './pages/status-page.ts';
import { acceptsObjections, NOT_API, notFoundPage } from './public-route-kit.ts';
import { sendPersonal } from './respond.ts';
import { readPreferences } from './view-preferences.ts';

const FORM_FIELDS = new Set<keyof ObjectionFormValues>([
  'entryId',
  'objectorKind',
  'name',
  'idNumber',
  'workplace',
  'unitName',
  'contactName',
  'phone',
  'facts',
  'captchaAnswer',
]);
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 5;
const MAX_FIELD_CHARS = 20_000;

interface Posted {
  values: ObjectionFormValues;
  extra: Record<string, string>;
  files: { fileName: string; bytes: Buffer }[];
  errors: FormErrors;
}

/** Reads a multipart form; a file too large or too many is an error on the files field, values kept. */
async function readForm(request: FastifyRequest, extraFields: readonly string[]): Promise<Posted> {
  const posted: Posted = { values: {}, extra: {}, files: [], errors: {} };
  if (!request.isMultipart()) {
    posted.errors.form = '提交的内容无法读取，请在本页填写后提交';
    return posted;
  }
  try {
    const parts = request.parts({
      limits: { fields: 20, files: MAX_FILES, fileSize: MAX_FILE_BYTES, fieldSize: MAX_FIELD_CHARS * 4 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename && bytes.length > 0) posted.files.push({ fileName: part.filename, bytes });
      } else if (extraFields.includes(part.fieldname)) {
        posted.extra[part.fieldname] = String(part.value).slice(0, 2000);
      } else if (FORM_FIELDS.has(part.fieldname as keyof ObjectionFormValues)) {
        posted.values[part.fieldname as keyof ObjectionFormValues] = String(part.value).slice(
          0,
          MAX_FIELD_CHARS,
        );
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    posted.errors.files =
      code === 'FST_REQ_FILE_TOO_LARGE'
        ? `单个文件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请压缩后重新选择`
        : code === 'FST_FILES_LIMIT'
          ? `证明材料最多 ${MAX_FILES} 个文件`
          : '上传的文件无法读取，请重新选择';
  }
  return posted;
}

const REQUIRED: Record<'person' | 'unit', (keyof ObjectionFormValues)[]> = {
  person: ['name', 'idNumber', 'phone'],
  unit: ['unitName', 'contactName', 'phone'],
};

const MISSING: Partial<Record<keyof ObjectionFormValues, string>> = {
  entryId: '请选择对名单中哪一位人员或哪一个项目提出异议',
  objectorKind: '请选择以个人还是单位名义提出',
  name: '个人提出异议须填写真实姓名',
  idNumber: '个人提出异议须填写身份证号码',
  unitName: '单位提出异议须填写单位名称',
  contactName: '单位提出异议须填写联系人',
  phone: '请填写联系电话',
  facts: '请写明异议的事实和理由',
  captchaAnswer: '请回答验证问题',
};

/** The form's own check that nothing required is blank; the objections module checks the rest. */
function missingFields(values: ObjectionFormValues, listed: ReadonlySet<string>): FormErrors {
  const errors: FormErrors = {};
  const kind = values.objectorKind;
  if (!values.entryId || !listed.has(values.entryId)) errors.entryId = MISSING.entryId;
  if (kind !== 'person' && kind !== 'unit') errors.objectorKind = MISSING.objectorKind;
  const required: (keyof ObjectionFormValues)[] = [
    ...(kind === 'unit' ? REQUIRED.unit : kind === 'person' ? REQUIRED.person : ['phone' as const]),
    'facts',
    'captchaAnswer',
  ];
  for (const field of required) if (!values[field]?.trim()) errors[field] = MISSING[field];
  return errors;
}

function toInput(a: PublicAnnouncement, v: ObjectionFormValues, token: string): SubmitObjectionInput {
  const t = (s: string | undefined) => (s ?? '').trim();
  const unit = v.objectorKind === 'unit';
  return {
    announcementId: a.id,
    entryId: t(v.entryId),
    objectorKind: unit ? 'unit' : 'person',
    name: unit ? '' : t(v.name),
    idNumber: unit ? '' : t(v.idNumber),
    workplace: unit ? '' : t(v.workplace),
    unitName: unit ? t(v.unitName) : '',
    contactName: unit ? t(v.contactName) : '',
    phone: t(v.phone),
    facts: t(v.facts),
    captcha: { token, answer: t(v.captchaAnswer) },
  };
}

/** `objector.idNumber` → `idNumber`, `captcha.answer` → `captchaAnswer`, `files.0` → `files`. */
function formFieldOf(field: unknown): keyof FormErrors {
  const path = typeof field === 'string' ? field : '';
  if (path.startsWith('captcha')) return 'captchaAnswer';
  if (path.startsWith('files') || path.startsWith('attachments')) return 'files';
  const last =
    path
      .split('.')
      .filter((s) => !/^\d+$/.test(s))
      .pop() ?? '';
  return FORM_FIELDS.has(last as keyof ObjectionFormValues) ? (last as keyof ObjectionFormValues) : 'form';
}

/** The objections module's refusal, placed next to the fields it names. */
function errorsOf(error: AppError): FormErrors {
  if (error.code === 'CAPTCHA_FAILED') return { captchaAnswer: error.message };
  if (error.code === 'PAYLOAD_TOO_LARGE' || error.code === 'UNSUPPORTED_MEDIA_TYPE') {
    return { files: error.message };
  }
  const details = (error.details ?? {}) as { findings?: unknown; problems?: unknown };
  const listed = [details.findings, details.problems].find(Array.isArray) as
    | { field?: unknown; message?: unknown }[]
    | undefined;
  const errors: FormErrors = {};
  for (const item of listed ?? []) {
    const field = formFieldOf(item.field);
    const message = typeof item.message === 'string' ? item.message : error.message;
    errors[field] = errors[field] ? `${errors[field]}；${message}` : message;
  }
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return errors;
}

export function registerObjectionPages(app: FastifyInstance, context: AppContext) {
  const { db, clock } = context;

  async function openAnnouncement(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const view = readPreferences(request.cookies);
    const a = await getPublicAnnouncement(db, request.params.id);
    if (!a) {
      await notFoundPage(reply, '/gs/', view, '公示');
      return undefined;
    }
    const path = `/gs/${a.id}/objection`;
    const refuse = (reason: string, status: number) =>
      sendPersonal(
        reply,
        status,
        page({ title: '不能在线提出异议', path, view, body: objectionClosedBody(a, reason) }),
      );
    if (!acceptsObjections(a, clock.now())) {
      await refuse(
        `公示期为${chineseDay(a.startDay)}至${chineseDay(a.endDay)}，现在不在公示期内，不受理异议。`,
        409,
      );
      return undefined;
    }
    return { a, view, path };
  }

  app.get<{ Params: { id: string } }>(
    '/gs/:id/objection',
    { config: { access: 'public' }, schema: NOT_API, helmet: false },
    async (request, reply) => {
      const open = await openAnnouncement(request, reply);
      if (!open) return reply;
      const { a, view, path } = open;
      const entry = (request.query as { entry?: string }).entry;
      const body = objectionFormBody({
        announcement: a,
        values: { entryId: entry },
        errors: {},
        captcha: issueCaptcha(clock.now()),
      });
      return sendPersonal(reply, 200, page({ title: '提出异议', path, view, body }));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/gs/:id/objection',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: NOT_API,
      helmet: false,
    },
    async (request, reply) => {
      const open = await openAnnouncement(request, reply);
      if (!open) return reply;
      const { a, view, path } = open;
      const posted = await readForm(request, ['captchaToken']);
      const listed = new Set(a.entries.filter((e) => !e.removed).map((e) => e.id));
      let errors: FormErrors = { ...missingFields(posted.values, listed), ...posted.errors };
      if (Object.keys(errors).length === 0) {
        try {
          const input = toInput(a, posted.values, posted.extra.captchaToken ?? '');
          const done = await submitObjection(context, input, posted.files, { ip: request.ip });
          const body = receiptBody(done.receipt, done.announcementTitle);
          return sendPersonal(reply, 200, page({ title: '异议已提交', path, view, body }));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors = errorsOf(error);
        }
      }
      // A captcha is answered once: a new question comes with the form shown again.
      const values = { ...posted.values, captchaAnswer: '' };
      const body = objectionFormBody({
        announcement: a,
        values,
        errors,
        captcha: issueCaptcha(clock.now()),
      });
      return sendPersonal(reply, 422, page({ title: '提出异议（请修改后重新提交）', path, view, body }));
    },
  );

  app.get(
    '/gs/status',
    { config: { access: 'public' }, schema: NOT_API, helmet: false },
    (request, reply) => {
      const view = readPreferences(request.cookies);
      return sendPersonal(
        reply,
        200,
        page({ title: '异议办理查询', path: '/gs/status', view, body: statusBody({ errors: {} }) }),
      );
    },
  );

  app.post(
    '/gs/status',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: NOT_API,
      helmet: false,
    },
    async (request, reply) => {
      const view = readPreferences(request.cookies);
      const show = (status: number, model: Parameters<typeof statusBody>[0]) =>
        sendPersonal(
          reply,
          status,
          page({ title: '异议办理查询', path: '/gs/status', view, body: statusBody(model) }),
        );
      const posted = await readForm(request, ['receipt', 'phone']);
      const receipt = (posted.extra.receipt ?? '').trim();
      const phone = (posted.extra.phone ?? '').trim();
      const errors: Parameters<typeof statusBody>[0]['errors'] = {};
      if (!receipt) errors.receipt = '请填写回执编号';
      if (!phone) errors.phone = '请填写提交异议时的联系电话';
      if (posted.errors.form) errors.form = posted.errors.form;
      if (Object.keys(errors).length > 0) return show(422, { receipt, errors });
      const result = await getObjectionStatus(db, receipt, phone);
      if (!result) {
        return show(404, {
          receipt,
          errors: { form: '没有查到这条异议，请核对回执编号和联系电话后重新查询' },
        });
      }
      return show(200, { receipt, errors: {}, result });
    },
  );
}
