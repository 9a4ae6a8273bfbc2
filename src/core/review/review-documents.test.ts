import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRICS } from './default-rubrics.ts';
import { rankingTable, scoreSheetTable, shortlistLines } from './review-documents.ts';

describe('review documents', () => {
  it('puts one column per criterion of every rubric on an expert’s sheet', () => {
    const star = DEFAULT_RUBRICS.star.criteria;
    const table = scoreSheetTable(
      { expertName: '王专家', roundName: '网上初评', campaignTitle: '2023年推介' },
      [
        {
          title: '张三',
          categoryLabel: '百姓学习之星',
          criteria: star,
          scores: { [star[0]!.id]: 9 },
          total: 87.456,
          recommendation: 'recommend',
          proposeSpecial: true,
          comment: '好',
          state: 'submitted',
          submittedAt: '2023年8月1日 10:00',
          contentHash: 'ab'.repeat(32),
        },
      ],
    );
    expect(table.columns.map((c) => c.header)).toContain(`${star[0]!.label}（10分）`);
    expect(table.rows[0]).toMatchObject({
      title: '张三',
      c0: 9,
      total: 87.46,
      recommendation: '推荐',
      special: '是',
      state: '已提交',
    });
    expect(table.sheetName).toBe('王专家');
  });

  it('lists every method side by side in the ranking', () => {
    const table = rankingTable(
      { campaignTitle: '2023年推介', roundName: '网上初评', categoryLabel: '百姓学习之星', method: 'zscore' },
      [
        {
          rank: 1,
          title: '张三',
          unitName: '长春市教育局',
          reviews: 3,
          expected: 3,
          mean: 80.333,
          trimmed: 80.333,
          zscore: 0.51234,
          zscoreRescaled: 81.2,
          spread: 30,
          disagreement: true,
          recommendations: { recommend: 2, may_recommend: 1, not_recommend: 0 },
          specialVotes: 1,
          grassroots: true,
          focusGroups: ['老年人'],
          stateLabel: '形式审查通过',
          scored: true,
        },
      ],
      ['专家甲评审不足2份'],
    );
    expect(table.rows[0]).toMatchObject({
      mean: 80.33,
      zscore: 0.512,
      rescaled: 81.2,
      reviews: '3/3',
      disagreement: '是',
    });
    expect(table.notes).toEqual([
      '名次按“按专家标准化后的分数”排列；分数相同时依次比较其他方法的分数和评分份数。',
      '专家甲评审不足2份',
    ]);
  });

  it('names the specials apart and gives the reasons of departures', () => {
    const lines = shortlistLines(
      {
        categoryLabel: '百姓学习之星',
        specialLabel: '事迹特别感人的百姓学习之星',
        unit: '名',
        method: 'mean',
        note: '',
      },
      [
        { title: '张三', unitName: '甲', decision: 'shortlisted', special: false, reason: '', rank: 1 },
        {
          title: '李四',
          unitName: '乙',
          decision: 'shortlisted',
          special: true,
          reason: '事迹感人',
          rank: 3,
        },
        {
          title: '王五',
          unitName: '乙',
          decision: 'not_selected',
          special: false,
          reason: '材料欠缺',
          rank: 2,
        },
      ],
    );
    expect(lines).toEqual([
      '一、百姓学习之星拟推介名单（1名）',
      '1．张三（甲）',
      '二、事迹特别感人的百姓学习之星拟推介名单（1名）',
      '1．李四（乙）',
      '三、与评审排名（平均分）不一致的说明',
      '1．李四（排名第3，列入）：事迹感人',
      '2．王五（排名第2，不列入）：材料欠缺',
    ]);
  });
});
