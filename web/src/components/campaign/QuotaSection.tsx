/**
 * 名额: a quota range per reporting-unit type, a unit's own override where the organiser gives one
 * unit a different quota, and the special picks on top of the quota.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  CATEGORIES,
  type Category,
  effectiveQuota,
  formatRange,
  isOrganisationType,
  ORGANISATION_TYPES,
  type OrganisationType,
} from '#core/campaign/index.ts';
import type { ReportingUnit } from '#web/api/campaigns.ts';
import { FindingText, findingsAt, Num, RangeInput, RuleItem, useRules } from './rulesContext.tsx';

/** Types that are never reporting units of a campaign. */
const NOT_REPORTING = new Set<OrganisationType>(['platform', 'national_organiser']);

function Row({ head, children, field }: { head: ReactNode; children: ReactNode; field: string }) {
  const { findings } = useRules();
  return (
    <div style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px 20px' }}>
        <div style={{ flex: '1 1 200px', minWidth: 0 }}>{head}</div>
        {children}
      </div>
      <FindingText findings={findingsAt(findings, field)} />
    </div>
  );
}

function CategoryLabel({ category }: { category: Category }) {
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
      {category === 'star' ? '之星' : '项目'}
    </Typography.Text>
  );
}

export function QuotaSection({ reportingUnits }: { reportingUnits: ReportingUnit[] }) {
  const { rules, edit, readOnly } = useRules();
  const types = Object.keys(rules.quotas.byUnitType) as OrganisationType[];
  const missingTypes = (Object.keys(ORGANISATION_TYPES) as OrganisationType[]).filter(
    (t) => !NOT_REPORTING.has(t) && !types.includes(t),
  );
  const overrides = Object.entries(rules.quotas.unitOverrides);
  const unitName = (id: string) =>
    reportingUnits.find((u) => u.id === id)?.name ?? '（已不是本活动报送单位的单位）';
  // A unit whose stored type the rules do not know has no quota by type.
  const unitType = (id: string) => {
    const type = reportingUnits.find((u) => u.id === id)?.type;
    return type && isOrganisationType(type) ? type : undefined;
  };
  const freeUnits = reportingUnits.filter((u) => !rules.quotas.unitOverrides[u.id]);

  return (
    <>
      <RuleItem label="按报送单位类型" field="quotas.byUnitType" exact>
        <div>
          {types.map((type) => {
            const quota = rules.quotas.byUnitType[type];
            if (!quota) return null;
            return (
              <Row
                key={type}
                field={`quotas.byUnitType.${type}`}
                head={<Typography.Text strong>{ORGANISATION_TYPES[type] ?? type}</Typography.Text>}
              >
                {CATEGORIES.map((category) => (
                  <Space key={category} size={6}>
                    <CategoryLabel category={category} />
                    <RangeInput
                      label={`${ORGANISATION_TYPES[type] ?? type}${rules.categories[category].label}名额`}
                      value={quota[category]}
                      unit={rules.categories[category].unit}
                      field={`quotas.byUnitType.${type}.${category}`}
                      onChange={(range) => edit((r) => (r.quotas.byUnitType[type]![category] = range))}
                    />
                  </Space>
                ))}
                {!readOnly && (
                  <Button
                    size="small"
                    type="text"
                    danger
                    aria-label="删除该类型"
                    icon={<DeleteOutlined />}
                    onClick={() => edit((r) => delete r.quotas.byUnitType[type])}
                  />
                )}
              </Row>
            );
          })}
          {!readOnly && missingTypes.length > 0 && (
            <Select
              aria-label="添加单位类型"
              style={{ marginTop: 8, minWidth: 220 }}
              value={null}
              placeholder={
                <span>
                  <PlusOutlined /> 添加单位类型
                </span>
              }
              options={missingTypes.map((t) => ({ value: t, label: ORGANISATION_TYPES[t] }))}
              onChange={(type: OrganisationType) =>
                edit((r) => {
                  r.quotas.byUnitType[type] = { star: { min: 1, max: 1 }, project: { min: 1, max: 1 } };
                })
              }
            />
          )}
        </div>
      </RuleItem>

      <RuleItem
        label="单独设置名额的单位"
        field="quotas.unitOverrides"
        exact
        extra={readOnly ? undefined : '个别单位名额与其类型不同时在此设置；未单独设置的类别按单位类型计算。'}
      >
        <div>
          {overrides.length === 0 && <Typography.Text type="secondary">无</Typography.Text>}
          {overrides.map(([unitId, override]) => {
            const type = unitType(unitId);
            return (
              <Row
                key={unitId}
                field={`quotas.unitOverrides.${unitId}`}
                head={<Typography.Text strong>{unitName(unitId)}</Typography.Text>}
              >
                {CATEGORIES.map((category) => {
                  const range = override[category];
                  const unit = rules.categories[category].unit;
                  const byType = type ? effectiveQuota(rules, type, undefined, category) : null;
                  return (
                    <Space key={category} size={6}>
                      <CategoryLabel category={category} />
                      {range ? (
                        <>
                          <RangeInput
                            label={`${unitName(unitId)}${rules.categories[category].label}名额`}
                            value={range}
                            unit={unit}
                            field={`quotas.unitOverrides.${unitId}.${category}`}
                            onChange={(next) =>
                              edit((r) => (r.quotas.unitOverrides[unitId]![category] = next))
                            }
                          />
                          {!readOnly && (
                            <Button
                              size="small"
                              type="link"
                              onClick={() => edit((r) => delete r.quotas.unitOverrides[unitId]![category])}
                            >
                              按类型
                            </Button>
                          )}
                        </>
                      ) : (
                        <>
                          <Typography.Text type="secondary">
                            按类型（{byType ? formatRange(byType, unit) : '未分配'}）
                          </Typography.Text>
                          {!readOnly && (
                            <Button
                              size="small"
                              type="link"
                              onClick={() =>
                                edit((r) => {
                                  r.quotas.unitOverrides[unitId]![category] = byType ?? { min: 1, max: 1 };
                                })
                              }
                            >
                              单独设置
                            </Button>
                          )}
                        </>
                      )}
                    </Space>
                  );
                })}
                {!readOnly && (
                  <Button
                    size="small"
                    type="text"
                    danger
                    aria-label="取消单独设置"
                    icon={<DeleteOutlined />}
                    onClick={() => edit((r) => delete r.quotas.unitOverrides[unitId])}
                  />
                )}
              </Row>
            );
          })}
          {!readOnly && (
            <Select
              aria-label="添加单独设置名额的单位"
              showSearch={{ optionFilterProp: 'label' }}
              style={{ marginTop: 8, minWidth: 240, maxWidth: '100%' }}
              value={null}
              placeholder={
                <span>
                  <PlusOutlined /> 选择报送单位
                </span>
              }
              notFoundContent="没有可选的报送单位"
              options={freeUnits.map((u) => ({ value: u.id, label: `${u.name}（${u.typeLabel}）` }))}
              onChange={(unitId: string) =>
                edit((r) => {
                  const type = unitType(unitId);
                  const star = type ? effectiveQuota(r, type, undefined, 'star') : null;
                  r.quotas.unitOverrides[unitId] = { star: star ?? { min: 1, max: 1 } };
                })
              }
            />
          )}
        </div>
      </RuleItem>

      <RuleItem label="特别推介（在名额之外，每个报送单位）" field="specialPicks">
        <Space wrap size={[24, 8]}>
          {CATEGORIES.map((category) => (
            <Space key={category} size={6}>
              <Typography.Text>{rules.categories[category].specialLabel}</Typography.Text>
              <Num
                label={`${rules.categories[category].specialLabel}数量`}
                value={rules.specialPicks[category]}
                suffix={rules.categories[category].unit}
                onChange={(n) => edit((r) => (r.specialPicks[category] = n))}
              />
            </Space>
          ))}
        </Space>
      </RuleItem>
    </>
  );
}
