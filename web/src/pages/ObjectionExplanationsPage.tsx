/** 异议情况说明: where a reporting unit answers the organiser's request to explain an objection. */
import { Card } from 'antd';
import { ExplanationRequests } from '../components/objections/ExplanationRequests.tsx';

export function ObjectionExplanationsPage() {
  return (
    <Card title="异议情况说明">
      <ExplanationRequests />
    </Card>
  );
}

export default ObjectionExplanationsPage;
