import type { Db, Trx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { unitDeadline } from '../campaigns/service.ts';

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Refuses, by the server's clock, anything a unit does after its deadline (逾期视为自动放弃). */
export async function assertBeforeDeadline(
  db: Db | Trx,
  campaign: Pick<CampaignRow, 'id' | 'deadlineAt'>,
  unitId: string,
) {
  const { until, extended } = await unitDeadline(db, campaign, unitId);
  if (until && Date.now() > until.getTime()) {
    throw new AppError(
      'DEADLINE_PASSED',
      `${extended ? '延期后的' : ''}报送截止时间（${beijing.format(until)}）已过，不能再提交或修改。如有特殊情况，请联系组织单位申请延期。`,
    );
  }
}
