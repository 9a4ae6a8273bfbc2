/** 纸质材料: the organiser's list of every unit's parcel, or a unit's own dispatch. */
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { OrganiserPaper } from './OrganiserPaper.tsx';
import { UnitPaper } from './UnitPaper.tsx';

export function PaperTab({ detail, organises }: { detail: CampaignDetail; organises: boolean }) {
  return organises ? <OrganiserPaper detail={detail} /> : <UnitPaper detail={detail} />;
}
