/**
 * The campaign's 材料与打印 tab: a reporting unit gets its own tables, print views and package; the
 * organiser everything campaign-wide and any unit's on choosing it.
 */

import type { Me } from '#core/contract/auth.ts';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { OrganiserDocuments } from './OrganiserDocuments.tsx';
import { UnitDocuments } from './UnitDocuments.tsx';

export function DocumentsTab({
  detail,
  me,
  organises,
}: {
  detail: CampaignDetail;
  me: Me;
  organises: boolean;
}) {
  return organises ? (
    <OrganiserDocuments detail={detail} />
  ) : (
    <UnitDocuments detail={detail} unitId={me.organisation.id} unitName={me.organisation.name} />
  );
}
