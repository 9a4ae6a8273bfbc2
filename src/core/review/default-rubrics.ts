/**
 * Default rubrics, taken from the notices' 推介条件 (national 2024 and Jilin 2023 word them alike).
 * Stars: the four conditions, each scored; conditions 1 and 2 (political and moral standing) are attested
 * by the nominating unit, so they weigh less than what the expert can judge from the material (3 and 4).
 * Projects: conditions 3–5 of the notice (创新性和前瞻性, 稳定性和保障性, 持续性和示范性), and the scale of
 * participation and the results, which condition 5 and the 推介表 ask for. Weights add up to 100 so that T
 * reads as a percentage; each criterion is scored 0–10 in whole points. A campaign may replace them.
 */
import type { Category } from '../campaign/rules.ts';
import type { Rubric } from './rubric.ts';

const SCORE_RANGE = { min: 0, max: 10, step: 1 } as const;

export const DEFAULT_RUBRICS: Readonly<Record<Category, Rubric>> = {
  star: {
    commentRequired: true,
    criteria: [
      {
        id: 'political_standing',
        label: '政治立场坚定',
        guidance: '热爱祖国，拥护中国共产党的领导和社会主义制度，模范遵守党纪国法（推介条件1）',
        weight: 15,
        ...SCORE_RANGE,
      },
      {
        id: 'values_and_culture',
        label: '践行核心价值观',
        guidance: '信念坚定、守正创新，践行社会主义核心价值观，弘扬中华优秀传统文化（推介条件2）',
        weight: 15,
        ...SCORE_RANGE,
      },
      {
        id: 'lifelong_learning',
        label: '坚持终身学习 学有所成',
        guidance: '脚踏实地坚持终身学习，学有所成、学有所获、学有所用，成效显著，事迹感染力强（推介条件3）',
        weight: 35,
        ...SCORE_RANGE,
      },
      {
        id: 'leading_others',
        label: '带动群众 示范作用',
        guidance: '带动周围群众参与学习，热心服务百姓，群众认可度高，具有影响力和感召力（推介条件4）',
        weight: 35,
        ...SCORE_RANGE,
      },
    ],
  },
  project: {
    commentRequired: true,
    criteria: [
      {
        id: 'innovation',
        label: '创新性和前瞻性',
        guidance: '在终身学习领域产生积极影响，有具体的项目名称、活动内容与形式、措施与保障（推介条件3）',
        weight: 25,
        ...SCORE_RANGE,
      },
      {
        id: 'stability',
        label: '稳定性和保障性',
        guidance: '活动有计划、形式多样、参与便捷，场所稳定、经费有保障，有专家教师或志愿者队伍（推介条件4）',
        weight: 20,
        ...SCORE_RANGE,
      },
      {
        id: 'sustainability',
        label: '持续性和示范性',
        guidance: '长期稳定运行，提供持续的学习支持和服务，有推广价值，创建时间不少于两年（推介条件5）',
        weight: 25,
        ...SCORE_RANGE,
      },
      {
        id: 'participation',
        label: '参与规模',
        guidance: '每年参与学习不少于1000人次（线下）或3000人次（线上），覆盖基层群众和重点人群',
        weight: 15,
        ...SCORE_RANGE,
      },
      {
        id: 'results',
        label: '成效与影响',
        guidance: '取得的成效与影响，群众满意度，引领群众坚持终身学习的作用',
        weight: 15,
        ...SCORE_RANGE,
      },
    ],
  },
};
