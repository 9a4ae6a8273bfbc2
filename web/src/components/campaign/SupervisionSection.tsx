/**
 * 上级查看: whether an organisation above the organiser may see this campaign, read-only with ID numbers and
 * phones masked (decision 0015). Off unless the organiser switches it on; it never lets the parent act.
 */
import { Switch, Typography } from 'antd';
import { RuleItem, useRules } from './rulesContext.tsx';

export function SupervisionSection() {
  const { rules, edit, readOnly } = useRules();
  const allowed = rules.supervision?.parentMayView === true;
  return (
    <>
      <RuleItem label="允许上级单位只读查看" field="supervision.parentMayView">
        <Switch
          checked={allowed}
          disabled={readOnly}
          checkedChildren="允许"
          unCheckedChildren="不允许"
          onChange={(on) => edit((r) => (r.supervision = { parentMayView: on }))}
        />
      </RuleItem>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        本活动由本单位组织，规则修改、形式审查、评审、公示和结果均由本单位办理。允许后，上级单位可以查看本活动和已提交的推介，
        身份证号、手机号等个人信息隐去部分数字，且不能进行任何操作。
      </Typography.Paragraph>
    </>
  );
}
