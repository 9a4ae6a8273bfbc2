import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CaptchaResponse,
  ExplanationRequest,
  ExplanationRequestsResponse,
  HandleObjectionBody,
  ObjectionDetailResponse,
  ObjectionListResponse,
  ObjectionNoteBody,
  ObjectionStatusBody,
  ObjectionStatusResponse,
  ObjectorIdentityResponse,
  RequestExplanationBody,
  SubmitObjectionFields,
  SubmitObjectionResponse,
} from '#core/contract/objections.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { JPEG, PDF } from '#server/platform/http/media-types.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { issueCaptcha } from './captcha.ts';
import { answerObjectionExplanation, listExplanationRequests, requestExplanation } from './explanation.ts';
import { addObjectionFiles, addObjectionNote, objectionFileContent } from './handling-notes.ts';
import { getObjectionStatus } from './objection-status.ts';
import { readMultipart } from './read-multipart.ts';
import { submitObjection } from './submit-objection.ts';
import { handleObjection } from './transition-objection.ts';
import { getObjection, listObjections, viewObjectorIdentity } from './view-objections.ts';

const tags = ['异议'];

/**
 * Per address: 5 objections in 10 minutes. Offices, schools and villages often reach the internet through
 * one shared (NAT) address, so the limit stays loose enough for several colleagues objecting the same
 * morning; it only stops a script filling the organiser's inbox. The captcha does the rest.
 */
const SUBMIT_LIMIT = {
  max: 5,
  timeWindow: '10 minutes',
  errorResponseBuilder: () =>
    new AppError(
      'RATE_LIMITED',
      '同一网络地址在 10 分钟内提交异议过多，请稍后再提交；如确有多件异议，可合并在一份中说明。',
    ),
};
/** Status lookups: a receipt has 50 random bits, so this only keeps a script from trying phones in bulk. */
const STATUS_LIMIT = {
  max: 30,
  timeWindow: '10 minutes',
  errorResponseBuilder: () => new AppError('RATE_LIMITED', '查询过于频繁，请 10 分钟后再试。'),
};

const fileParams = z.object({ id: z.uuid('编号格式不正确'), fileId: z.uuid('编号格式不正确') });
/** The explanation form's text, for the API description (the handler reads the parts itself). */
const ExplanationFields = z.object({ explanation: z.string().describe('情况说明') });

export function objectionRoutes(app: FastifyInstance, context: AppContext) {
  const { db, clock } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/objection-captcha', {
    config: { access: 'public' },
    schema: {
      operationId: 'getObjectionCaptcha',
      tags,
      summary: '提出异议前的验证问题（文字题，读屏软件可读）',
      response: { 200: CaptchaResponse },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return issueCaptcha(clock.now());
    },
  });

  r.post('/api/announcements/:id/objections', {
    config: {
      access: 'public',
      rateLimit: SUBMIT_LIMIT,
      upload: { fields: SubmitObjectionFields, files: 'many' },
      errors: ['CAPTCHA_FAILED', 'OBJECTION_INVALID', 'OBJECTION_PERIOD_CLOSED'],
    },
    schema: {
      operationId: 'submitObjection',
      tags,
      summary: '对公示对象提出异议（实名；附件为 PDF 或 JPEG，最多 5 个，每个不超过 10 MB）',
      consumes: ['multipart/form-data'],
      params: uuidParam,
      response: { 200: SubmitObjectionResponse },
    },
    handler: async (request) => {
      const { fields, files } = await readMultipart(request);
      const parsed = SubmitObjectionFields.safeParse(fields);
      if (!parsed.success)
        throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => i.message).join('；'));
      const { captchaToken, captchaAnswer, ...rest } = parsed.data;
      return submitObjection(
        context,
        {
          ...rest,
          announcementId: request.params.id,
          captcha: { token: captchaToken, answer: captchaAnswer },
        },
        files,
        { ip: request.ip },
      );
    },
  });

  r.post('/api/objection-status', {
    config: { access: 'public', rateLimit: STATUS_LIMIT },
    schema: {
      operationId: 'getObjectionStatus',
      tags,
      summary: '凭回执编号和联系电话查询异议办理情况',
      body: ObjectionStatusBody,
      response: { 200: ObjectionStatusResponse },
    },
    handler: async (request) => {
      const status = await getObjectionStatus(db, request.body.receipt, request.body.phone);
      if (!status)
        throw new AppError('NOT_FOUND', '未查到该异议：请核对回执编号和提交异议时填写的联系电话。');
      return status;
    },
  });

  r.get('/api/campaigns/:id/objections', {
    schema: {
      operationId: 'listObjections',
      tags,
      summary: '公示期间收到的异议及办理期限（组织单位）',
      params: uuidParam,
      response: { 200: ObjectionListResponse },
    },
    handler: async (request) => listObjections(db, requireActor(request), request.params.id, clock.now()),
  });

  r.get('/api/objections/:id', {
    schema: {
      operationId: 'getObjection',
      tags,
      summary: '一件异议的事实、办理记录和可进行的操作（不含异议人身份）',
      params: uuidParam,
      response: { 200: ObjectionDetailResponse },
    },
    handler: async (request) => getObjection(db, requireActor(request), request.params.id, clock.now()),
  });

  r.post('/api/objections/:id/identity-views', {
    schema: {
      operationId: 'viewObjectorIdentity',
      tags,
      summary: '查看异议人信息（每次查看均记录）',
      params: uuidParam,
      response: { 200: ObjectorIdentityResponse },
    },
    handler: async (request) =>
      viewObjectorIdentity(db, requireActor(request), request.params.id, clock.now()),
  });

  r.post('/api/objections/:id/moves', {
    schema: {
      operationId: 'handleObjection',
      tags,
      summary: '受理、不予受理、认定、复核或答复异议',
      params: uuidParam,
      body: HandleObjectionBody,
      response: { 200: ObjectionDetailResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { entryRemoved } = await handleObjection(db, actor, request.params.id, request.body, clock.now());
      if (entryRemoved) await context.publicPages.changed();
      return getObjection(db, actor, request.params.id, clock.now());
    },
  });

  r.post('/api/objections/:id/notes', {
    schema: {
      operationId: 'addObjectionNote',
      tags,
      summary: '添加调查核实记录',
      params: uuidParam,
      body: ObjectionNoteBody,
      response: { 200: ObjectionDetailResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await addObjectionNote(db, actor, request.params.id, request.body.note, clock.now());
      return getObjection(db, actor, request.params.id, clock.now());
    },
  });

  r.post('/api/objections/:id/files', {
    config: { upload: { files: 'many' } },
    schema: {
      operationId: 'addObjectionFiles',
      tags,
      summary: '上传调查核实材料（PDF 或 JPEG）',
      consumes: ['multipart/form-data'],
      params: uuidParam,
      response: { 200: ObjectionDetailResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { files } = await readMultipart(request);
      await addObjectionFiles(context, actor, request.params.id, files, clock.now());
      return getObjection(db, actor, request.params.id, clock.now());
    },
  });

  r.get('/api/objections/:id/files/:fileId', {
    schema: {
      operationId: 'getObjectionFile',
      produces: [PDF, JPEG],
      tags,
      summary: '异议的材料文件',
      params: fileParams,
    },
    handler: async (request, reply) => {
      const content = await objectionFileContent(
        context,
        requireActor(request),
        request.params.id,
        request.params.fileId,
      );
      reply.headers(content.headers);
      return reply.send(content.body);
    },
  });

  r.post('/api/objections/:id/explanation-request', {
    schema: {
      operationId: 'requestExplanation',
      tags,
      summary: '要求报送单位在规定工作日内说明情况',
      params: uuidParam,
      body: RequestExplanationBody,
      response: { 200: ObjectionDetailResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await requestExplanation(db, actor, request.params.id, request.body, clock.now());
      return getObjection(db, actor, request.params.id, clock.now());
    },
  });

  r.get('/api/objection-explanations', {
    schema: {
      operationId: 'listExplanationRequests',
      tags,
      summary: '组织单位要求本单位说明情况的异议（报送单位；不含异议人信息）',
      response: { 200: ExplanationRequestsResponse },
    },
    handler: async (request) => listExplanationRequests(db, requireActor(request), clock.now()),
  });

  r.post('/api/objections/:id/explanation', {
    config: { upload: { fields: ExplanationFields, files: 'many' } },
    schema: {
      operationId: 'answerObjectionExplanation',
      tags,
      summary: '报送单位提交情况说明（文字及 PDF/JPEG 材料）',
      consumes: ['multipart/form-data'],
      params: uuidParam,
      response: { 200: ExplanationRequest },
    },
    handler: async (request) => {
      const { fields, files } = await readMultipart(request);
      if (fields.explanation === undefined) throw new AppError('VALIDATION_FAILED', '请写明情况说明。');
      return answerObjectionExplanation(
        context,
        requireActor(request),
        request.params.id,
        { explanation: fields.explanation, files },
        clock.now(),
      );
    },
  });
}
