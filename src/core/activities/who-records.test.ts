import { describe, expect, it } from 'vitest';
import type { Role } from '../accounts/roles.ts';
import {
  type ActivityActor,
  changeRefusal,
  mayChangeActivity,
  mayRecordActivity,
  mayViewActivities,
  recordRefusal,
  recordStanding,
} from './who-records.ts';

const ROOT = '/p/';
const NATIONAL = '/p/cace/';
const JILIN = '/p/cace/jilin/';
const LIAONING = '/p/cace/liaoning/';
const CHANGCHUN = '/p/cace/jilin/changchun/';

function actor(path: string, roles: Role[], accountId = 'a1'): ActivityActor {
  const id = path.split('/').at(-2)!;
  return { accountId, organisationId: id, organisationPath: path, roles };
}

/** A winner of Jilin's own round, reported by 长春. */
const provincial = { unitIds: ['changchun'], organiserPath: JILIN };
/** A national winner forwarded by Jilin, first reported by 长春. */
const national = { unitIds: ['jilin', 'changchun'], organiserPath: NATIONAL };

describe('who records a winner’s publicity activities', () => {
  it('lets the winner’s unit and the round’s organiser record', () => {
    expect(recordStanding(actor(CHANGCHUN, ['unit_submitter']), provincial)).toBe('unit');
    expect(recordStanding(actor(JILIN, ['organiser_admin']), provincial)).toBe('organiser');
    expect(recordStanding(actor(NATIONAL, ['organiser_admin']), national)).toBe('organiser');
  });

  it('lets the province that forwarded a national winner record, and the unit that first reported it', () => {
    expect(recordStanding(actor(JILIN, ['organiser_admin', 'unit_submitter']), national)).toBe('unit');
    expect(recordStanding(actor(CHANGCHUN, ['unit_submitter']), national)).toBe('unit');
  });

  it('refuses another province, experts of the unit and the organisation above the organiser', () => {
    expect(mayRecordActivity(actor(LIAONING, ['organiser_admin']), provincial)).toBe(false);
    expect(mayRecordActivity(actor(LIAONING, ['organiser_admin', 'unit_submitter']), national)).toBe(false);
    expect(mayRecordActivity(actor(CHANGCHUN, ['expert']), provincial)).toBe(false);
    expect(mayRecordActivity(actor(NATIONAL, ['organiser_admin']), provincial)).toBe(false);
    expect(mayRecordActivity(actor(ROOT, ['platform_admin']), provincial)).toBe(false);
    expect(recordRefusal(actor(LIAONING, ['organiser_admin']), provincial)).toMatch(/其他省份/);
    expect(recordRefusal(actor(NATIONAL, ['organiser_admin']), provincial)).toMatch(/上级单位可查看/);
  });

  it('lets those above the organiser read, but not another province', () => {
    expect(mayViewActivities(actor(NATIONAL, ['organiser_admin']), provincial)).toBe(true);
    expect(mayViewActivities(actor(LIAONING, ['organiser_admin']), provincial)).toBe(false);
    expect(mayViewActivities(actor(CHANGCHUN, ['unit_submitter']), provincial)).toBe(true);
  });

  it('leaves changes to the recorder and the organiser', () => {
    const clerk = actor(CHANGCHUN, ['unit_submitter'], 'clerk');
    const colleague = actor(CHANGCHUN, ['unit_submitter'], 'colleague');
    const organiser = actor(JILIN, ['organiser_admin'], 'organiser');
    const activity = { recordedBy: 'clerk' };
    expect(mayChangeActivity(clerk, provincial, activity)).toBe(true);
    expect(mayChangeActivity(colleague, provincial, activity)).toBe(false);
    expect(changeRefusal(colleague, provincial)).toMatch(/登记人或组织单位/);
    expect(mayChangeActivity(organiser, provincial, activity)).toBe(true);
    expect(mayChangeActivity(actor(LIAONING, ['organiser_admin'], 'clerk'), provincial, activity)).toBe(
      false,
    );
  });
});
