/**
 * `/gs/<id>/objection`: the objection form, a plain multipart form that works without script. On bad input
 * it is shown again with each Chinese error next to its field and every typed value kept.
 */
import type { PublicAnnouncement } from '#server/modules/announcements/public-view.ts';
import { esc } from '../html.ts';
import { CATEGORY_TITLES, chineseDay } from './labels.ts';

export type ObjectionFormValues = Partial<
  Record<
    | 'entryId'
    | 'objectorKind'
    | 'name'
    | 'idNumber'
    | 'workplace'
    | 'unitName'
    | 'contactName'
    | 'phone'
    | 'facts'
    | 'captchaAnswer',
    string
  >
>;

/** Field name → message; `form` for what belongs to no one field. */
export type FormErrors = Partial<Record<keyof ObjectionFormValues | 'files' | 'form', string>>;

const FIELD_LABELS: Record<keyof ObjectionFormValues | 'files', string> = {
  entryId: '异议对象',
  objectorKind: '异议人类型',
  name: '姓名',
  idNumber: '身份证号码',
  workplace: '工作单位',
  unitName: '单位名称',
  contactName: '联系人',
  phone: '联系电话',
  facts: '异议事实和理由',
  captchaAnswer: '验证问题',
  files: '证明材料',
};

function errorOf(errors: FormErrors, name: keyof ObjectionFormValues | 'files'): string {
  const message = errors[name];
  return message ? `<p class="error" id="${name}-error">${esc(message)}</p>` : '';
}

function describedBy(errors: FormErrors, name: keyof ObjectionFormValues | 'files', hint?: boolean): string {
  const ids = [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean);
  return `${ids.length ? ` aria-describedby="${ids.join(' ')}"` : ''}${errors[name] ? ' aria-invalid="true"' : ''}`;
}

function textField(
  name: keyof ObjectionFormValues,
  values: ObjectionFormValues,
  errors: FormErrors,
  options: { type?: string; hint?: string; autocomplete?: string } = {},
): string {
  return `<div class="field">
<label for="${name}">${FIELD_LABELS[name]}</label>
${options.hint ? `<p class="hint" id="${name}-hint">${esc(options.hint)}</p>` : ''}${errorOf(errors, name)}
<input type="${options.type ?? 'text'}" id="${name}" name="${name}" value="${esc(values[name])}"${options.autocomplete ? ` autocomplete="${options.autocomplete}"` : ''}${describedBy(errors, name, Boolean(options.hint))}>
</div>`;
}

export interface ObjectionFormModel {
  announcement: PublicAnnouncement;
  values: ObjectionFormValues;
  errors: FormErrors;
  captcha: { token: string; question: string };
}

export function objectionFormBody({ announcement: a, values, errors, captcha }: ObjectionFormModel): string {
  const listed = a.entries.filter((e) => !e.removed);
  const options = (['star', 'project'] as const)
    .map((category) => {
      const entries = listed.filter((e) => e.category === category);
      if (entries.length === 0) return '';
      const items = entries.map(
        (e) =>
          `<option value="${esc(e.id)}"${values.entryId === e.id ? ' selected' : ''}>${esc(e.name)}（${esc(e.unit)}）</option>`,
      );
      return `<optgroup label="${CATEGORY_TITLES[category]}">\n${items.join('\n')}\n</optgroup>`;
    })
    .join('\n');
  const kind = values.objectorKind ?? 'person';
  const messages = Object.entries(errors).filter(([, m]) => m);
  const summary = messages.length
    ? `<div class="errors" role="alert" tabindex="-1" id="errors"><h2>请修改以下内容后重新提交</h2><ul>${messages
        .map(([field, m]) =>
          field === 'form'
            ? `<li>${esc(m)}</li>`
            : `<li><a href="#${field}">${FIELD_LABELS[field as keyof typeof FIELD_LABELS] ?? ''}：${esc(m)}</a></li>`,
        )
        .join('')}</ul></div>`
    : '';
  return `<nav aria-label="当前位置" class="no-print"><a href="/gs/">公示公告</a> › <a href="/gs/${esc(a.id)}">${esc(a.title)}</a> › 提出异议</nav>
<h1>对拟推介名单提出异议</h1>
<p>公示：<a href="/gs/${esc(a.id)}">${esc(a.title)}</a>。受理截止：${esc(chineseDay(a.endDay))}。</p>
<p class="notice">异议须实名提出，匿名异议、超出公示期提出的异议不予受理。受理部门对异议人的身份和所提供的信息严格保密，仅用于核实异议。带“*”的为必填项。</p>
${summary}
<form method="post" action="/gs/${esc(a.id)}/objection" enctype="multipart/form-data" novalidate>
<input type="hidden" name="captchaToken" value="${esc(captcha.token)}">
<div class="field">
<label for="entryId">异议对象 *</label>
${errorOf(errors, 'entryId')}
<select id="entryId" name="entryId"${describedBy(errors, 'entryId')}>
<option value="">请选择名单中的人员或项目</option>
${options}
</select>
</div>
<fieldset id="objectorKind"${describedBy(errors, 'objectorKind')}>
<legend>异议人类型 *</legend>
${errorOf(errors, 'objectorKind')}
<label><input type="radio" name="objectorKind" value="person"${kind === 'person' ? ' checked' : ''}> 个人</label>
<label><input type="radio" name="objectorKind" value="unit"${kind === 'unit' ? ' checked' : ''}> 单位</label>
</fieldset>
<fieldset>
<legend>以个人名义提出的，请填写</legend>
${textField('name', values, errors, { autocomplete: 'name' })}
${textField('idNumber', values, errors, { hint: '18位居民身份证号码，仅用于核实身份，不会公开。' })}
${textField('workplace', values, errors, { autocomplete: 'organization' })}
</fieldset>
<fieldset>
<legend>以单位名义提出的，请填写</legend>
${textField('unitName', values, errors, { autocomplete: 'organization' })}
${textField('contactName', values, errors, { autocomplete: 'name' })}
</fieldset>
${textField('phone', values, errors, { type: 'tel', autocomplete: 'tel', hint: '手机号码或固定电话，用于联系核实和查询办理情况。' })}
<div class="field">
<label for="facts">异议事实和理由 *</label>
<p class="hint" id="facts-hint">请写明具体事实、理由和可供核实的线索。</p>
${errorOf(errors, 'facts')}
<textarea id="facts" name="facts"${describedBy(errors, 'facts', true)}>${esc(values.facts)}</textarea>
</div>
<div class="field">
<label for="captchaAnswer">验证问题 *：${esc(captcha.question)}</label>
${errorOf(errors, 'captchaAnswer')}
<input type="text" id="captchaAnswer" name="captchaAnswer" inputmode="numeric" autocomplete="off" value=""${describedBy(errors, 'captchaAnswer')}>
</div>
<div class="field">
<label for="files">证明材料（可选）</label>
<p class="hint" id="files-hint">PDF 或 JPEG 文件。出错时已选的文件需要重新选择。</p>
${errorOf(errors, 'files')}
<input type="file" id="files" name="files" accept=".pdf,.jpg,.jpeg,application/pdf,image/jpeg" multiple${describedBy(errors, 'files', true)}>
</div>
<p><button type="submit">提交异议</button></p>
</form>`;
}

export function objectionClosedBody(a: PublicAnnouncement, reason: string): string {
  return `<h1>不能在线提出异议</h1>
<p>${esc(reason)}</p>
<p>公示：<a href="/gs/${esc(a.id)}">${esc(a.title)}</a>（公示期 ${esc(chineseDay(a.startDay))}至${esc(chineseDay(a.endDay))}）。</p>`;
}

export function receiptBody(receipt: string, title: string): string {
  return `<h1>异议已提交</h1>
<p>您对“${esc(title)}”提出的异议已提交，受理部门将按规定办理。</p>
<p>回执编号：<strong>${esc(receipt)}</strong></p>
<p class="notice">请记下回执编号。凭回执编号和提交时填写的联系电话，可在<a href="/gs/status">异议办理查询</a>页面查询办理情况和答复。</p>`;
}
