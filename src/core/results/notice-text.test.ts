import { describe, expect, it } from 'vitest';
import { noticeBody, noticeIssuers, noticeSignature, noticeTitle } from './notice-text.ts';
import { resultSections } from './result-list.ts';

describe('the result notice', () => {
  it('is titled as the notices are and signed in the organisers’ names', () => {
    expect(noticeTitle(2026)).toBe('关于公布2026年“百姓学习之星”和“终身学习品牌项目”推介结果的通知');
    expect(noticeIssuers({ level: 'national', organiserName: '中国成人教育协会' })).toEqual([
      '全民终身学习活动周领导小组',
      '中国成人教育协会',
    ]);
    expect(
      noticeIssuers({
        level: 'provincial',
        organiserName: '吉林省教育厅',
        publishers: ['吉林省成人教育协会'],
      }),
    ).toEqual(['吉林省成人教育协会']);
    expect(noticeIssuers({ level: 'provincial', organiserName: '吉林省教育厅', publishers: [] })).toEqual([
      '吉林省教育厅',
    ]);
    expect(noticeSignature(['吉林省成人教育协会'], '2026-10-20')).toEqual([
      '吉林省成人教育协会',
      '2026年10月20日',
    ]);
  });

  it('says where and when the list was announced and what was decided', () => {
    const body = noticeBody({
      year: 2026,
      level: 'provincial',
      venue: '长春全民学习网',
      announcedFrom: '2026-10-09',
      announcedTo: '2026-10-15',
      issuers: ['吉林省成人教育协会'],
      sections: resultSections([
        { nominationId: 'a', category: 'star', special: false, name: '甲', unit: '长春市', entity: '' },
      ]),
      objections: { total: 0, upheld: 0 },
      day: '2026-10-20',
    });
    expect(body.split('\n')[0]).toBe('各有关单位：');
    expect(body).toContain('于2026年10月9日至2026年10月15日在长春全民学习网公示');
    expect(body).toContain('确定百姓学习之星1名为2026年');
    expect(body).toContain('公示期满无异议，经审定');
  });

  it('says 无异议 only when there was none, and what became of the objections otherwise', () => {
    const input = {
      year: 2026,
      level: 'provincial' as const,
      venue: '长春全民学习网',
      announcedFrom: null,
      announcedTo: null,
      issuers: ['吉林省成人教育协会'],
      sections: [],
      day: '2026-10-20',
    };
    expect(noticeBody({ ...input, objections: { total: 2, upheld: 0 } })).toContain(
      '公示期间收到的2件异议经核实均不成立，经审定',
    );
    const upheld = noticeBody({ ...input, objections: { total: 3, upheld: 1 } });
    expect(upheld).toContain('公示期间收到异议3件，经核实1件成立，相关推介对象已移出名单，经审定');
    expect(upheld).not.toContain('无异议');
  });
});
