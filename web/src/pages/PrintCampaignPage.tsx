/**
 * 打印本单位材料: a reporting unit's 推介登记表 of one category, then the 推介表 of each nomination holding
 * a quota place, in the unit's 排序, each in the campaign's number of paper copies. `?what=registration`
 * prints the table alone. A unit prints its own; an organiser chooses the unit. The forms are read one
 * by one (the list carries no form contents, and the table needs them too); a unit has at most about
 * ten per category.
 */
import { useQueries } from '@tanstack/react-query';
import { Alert, Button, Result, Segmented, Select } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { CATEGORIES, type Category } from '#core/campaign/index.ts';
import { registrationSheet } from '#core/documents/index.ts';
import { useCampaign } from '../api/campaigns.ts';
import { getNomination, nominationKey, useNominations } from '../api/nominations.ts';
import { useCurrentMe } from '../auth/useMe.ts';
import { PrintedForm } from '../components/documents/PrintedForm.tsx';
import { PrintedRegistration } from '../components/documents/PrintedRegistration.tsx';
import { type PrintDocument, PrintFrame } from '../components/documents/PrintFrame.tsx';
import { paperCopies, printLayout } from '../components/documents/printSettings.ts';
import { printFootnote, printValues } from '../components/documents/printValues.ts';
import { tableRows } from '../components/nomination/RegistrationTab.tsx';
import { PageLoading } from '../components/PageLoading.tsx';

export default function PrintCampaignPage() {
  const { id = '' } = useParams();
  const me = useCurrentMe();
  const [params, setParams] = useSearchParams();
  const campaign = useCampaign(id);
  const detail = campaign.data;
  const organises = detail?.campaign.organiserId === me.organisation.id;
  const category: Category = params.get('category') === 'project' ? 'project' : 'star';
  const unitId = params.get('unit') ?? (organises ? '' : me.organisation.id);
  const tableOnly = params.get('what') === 'registration';

  const list = useNominations({ campaignId: id, unitId, category }, unitId !== '' && Boolean(detail));
  const rows = tableRows(list.data ?? [], category);
  const forms = useQueries({
    queries: rows.map((n) => ({
      queryKey: nominationKey(n.id),
      queryFn: () => getNomination(n.id),
    })),
  });

  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  if (campaign.isLoading) return <PageLoading />;
  if (!detail) {
    return (
      <Result
        status="error"
        title="活动加载失败"
        extra={<Button onClick={() => campaign.refetch()}>重试</Button>}
      />
    );
  }
  const { rules } = detail;
  const units = detail.reportingUnits;
  const unitName =
    rows[0]?.unitName ??
    units.find((u) => u.id === unitId)?.name ??
    (unitId === me.organisation.id ? me.organisation.name : '');

  const controls = (
    <>
      <Segmented
        value={category}
        onChange={(value) => choose('category', String(value))}
        options={CATEGORIES.map((c) => ({ value: c, label: rules.categories[c].label }))}
      />
      {organises && (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择报送单位"
          style={{ minWidth: 200 }}
          value={unitId || undefined}
          onChange={(value) => choose('unit', value)}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
      )}
    </>
  );
  const frame = (documents: PrintDocument[], hint?: ReactNode) => (
    <PrintFrame
      title={`${detail.campaign.year}年${rules.categories[category].label}${tableOnly ? '推介登记表' : '推介材料'}${unitName ? `-${unitName}` : ''}`}
      backTo={`/campaigns/${encodeURIComponent(id)}?tab=documents`}
      backLabel="返回活动"
      controls={controls}
      hint={hint}
      documents={documents}
    />
  );

  if (unitId === '') return frame([], <Alert type="info" showIcon title="请先在上方选择报送单位。" />);
  if (list.isLoading || forms.some((f) => f.isLoading)) return <PageLoading />;
  const failed = list.error ?? forms.find((f) => f.error)?.error;
  if (failed) {
    return (
      <Result
        status="error"
        title="推介材料加载失败"
        subTitle={failed.message}
        extra={<Link to={`/campaigns/${encodeURIComponent(id)}`}>返回活动</Link>}
      />
    );
  }

  const loaded = forms.map((f) => f.data!).filter(Boolean);
  const sheet = registrationSheet(
    rows.map((n) => ({
      id: n.id,
      rank: n.rank ?? 0,
      special: n.special,
      values: printValues(loaded.find((f) => f.id === n.id) ?? { category, form: { name: n.title } }),
    })),
    { category, rules, unitName },
  );
  const layout = printLayout(category, rules);
  const documents: PrintDocument[] = [
    {
      key: 'registration',
      copies: paperCopies(rules, `${category}.registration`),
      landscape: true,
      content: <PrintedRegistration sheet={sheet} />,
    },
    ...(tableOnly ? [] : loaded).map((n) => ({
      key: n.id,
      copies: paperCopies(rules, `${category}.form`),
      content: <PrintedForm layout={layout} values={printValues(n)} footnote={printFootnote(n)} />,
    })),
  ];
  return frame(documents, rows.length === 0 ? '本单位此类别暂无已提交的推介，登记表为空表。' : undefined);
}
