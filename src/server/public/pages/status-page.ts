/** `/gs/status`: an objector looks up their objection by receipt number and phone. */

import type { z } from 'zod';
import type { ObjectionStatusResponse } from '#core/contract/objections.ts';
import { esc, paragraphs } from '../html.ts';

export interface StatusFormModel {
  receipt?: string;
  errors: Partial<Record<'receipt' | 'phone' | 'form', string>>;
  result?: z.output<typeof ObjectionStatusResponse>;
}

function field(name: 'receipt' | 'phone', label: string, value: string, error?: string, type = 'text') {
  return `<div class="field">
<label for="${name}">${label}</label>
${error ? `<p class="error" id="${name}-error">${esc(error)}</p>` : ''}
<input type="${type}" id="${name}" name="${name}" value="${esc(value)}" autocomplete="off"${error ? ` aria-describedby="${name}-error" aria-invalid="true"` : ''}>
</div>`;
}

export function statusBody({ receipt, errors, result }: StatusFormModel): string {
  const found = result
    ? `<h2 id="result">办理情况</h2>
<table>
<caption>回执编号 ${esc(result.receipt)}</caption>
<tbody>
<tr><th scope="row">提交时间</th><td>${esc(result.submittedAt)}</td></tr>
<tr><th scope="row">办理状态</th><td>${esc(result.stateLabel)}</td></tr>
<tr><th scope="row">答复</th><td>${result.reply ? paragraphs(result.reply) : '尚未答复'}</td></tr>
</tbody>
</table>`
    : '';
  return `<h1>异议办理查询</h1>
<p>请输入提交异议后取得的回执编号和提交时填写的联系电话。</p>
${errors.form ? `<div class="errors" role="alert"><p>${esc(errors.form)}</p></div>` : ''}
<form method="post" action="/gs/status" enctype="multipart/form-data" novalidate>
${field('receipt', '回执编号', receipt ?? '', errors.receipt)}
${field('phone', '联系电话', '', errors.phone, 'tel')}
<p><button type="submit">查询</button></p>
</form>
${found}`;
}
