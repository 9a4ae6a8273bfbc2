import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AccountListResponse,
  AccountResponse,
  CreateAccountBody,
  CreatedAccountResponse,
  ImportAccountsResponse,
  ListAccountsQuery,
  PasswordResetResponse,
  UpdateAccountBody,
} from '#core/contract/accounts.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { importOrganisationsAndAccounts } from './import-service.ts';
import { buildImportTemplate } from './import-workbook.ts';
import { presentAccount } from './presenter.ts';
import { canImportAccounts } from './rules.ts';
import {
  createAccount,
  listVisibleAccounts,
  resetPassword,
  setAccountDisabled,
  unlockLogin,
  updateAccount,
} from './service.ts';

const tags = ['账号'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function accountRoutes(app: FastifyInstance, { db, clock }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/accounts', {
    schema: {
      operationId: 'listAccounts',
      tags,
      summary: '账号列表',
      querystring: ListAccountsQuery,
      response: { 200: AccountListResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { items, total } = await listVisibleAccounts(db, actor, request.query);
      return { items: items.map((a) => presentAccount(actor, a)), total };
    },
  });

  r.post('/api/accounts', {
    schema: {
      operationId: 'createAccount',
      tags,
      summary: '新建账号',
      body: CreateAccountBody,
      response: { 201: CreatedAccountResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { account, initialPassword } = await createAccount(db, actor, request.body);
      return reply.status(201).send({ account: presentAccount(actor, account), initialPassword });
    },
  });

  r.patch('/api/accounts/:id', {
    schema: {
      operationId: 'updateAccount',
      tags,
      summary: '修改账号',
      params: uuidParam,
      body: UpdateAccountBody,
      response: { 200: AccountResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return {
        account: presentAccount(
          actor,
          await updateAccount(db, actor, request.params.id, request.body, clock.now()),
        ),
      };
    },
  });

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    r.post(`/api/accounts/:id/${verb}`, {
      schema: {
        operationId: `${verb}Account`,
        tags,
        summary: disabled ? '停用账号' : '启用账号',
        params: uuidParam,
        response: { 200: AccountResponse },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        return {
          account: presentAccount(
            actor,
            await setAccountDisabled(db, actor, request.params.id, disabled, clock.now()),
          ),
        };
      },
    });
  }

  r.post('/api/accounts/:id/reset-password', {
    schema: {
      operationId: 'resetAccountPassword',
      tags,
      summary: '重置密码',
      params: uuidParam,
      response: { 200: PasswordResetResponse },
    },
    handler: async (request) => resetPassword(db, requireActor(request), request.params.id, clock.now()),
  });

  r.post('/api/accounts/:id/unlock-login', {
    schema: {
      operationId: 'unlockAccountLogin',
      tags,
      summary: '解除登录限制（清除登录失败记录）',
      params: uuidParam,
      response: { 200: AccountResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return { account: presentAccount(actor, await unlockLogin(db, actor, request.params.id)) };
    },
  });

  r.get('/api/imports/accounts/template', {
    schema: {
      operationId: 'downloadAccountImportTemplate',
      produces: [XLSX],
      tags,
      summary: '下载组织与账号导入模板',
    },
    handler: async (request, reply) => {
      if (!canImportAccounts(requireActor(request))) throw forbidden();
      reply.header('content-type', XLSX);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent('组织与账号导入模板.xlsx')}`,
      );
      return reply.send(await buildImportTemplate());
    },
  });

  r.post('/api/imports/accounts', {
    schema: {
      operationId: 'importAccounts',
      tags,
      summary: '从 Excel 批量导入组织与账号',
      consumes: ['multipart/form-data'],
      response: { 200: ImportAccountsResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以表单文件（multipart/form-data）上传 .xlsx 文件');
      const file = await request.file();
      if (!file) throw new AppError('IMPORT_INVALID', '请选择要上传的 .xlsx 文件', { errors: [] });
      const buffer = await file.toBuffer();
      if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '文件过大，导入文件不能超过 5 MB');
      return importOrganisationsAndAccounts(db, actor, buffer);
    },
  });
}
