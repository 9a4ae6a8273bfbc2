/**
 * How easily a password is guessed, by zxcvbn (Dropbox's estimator, maintained as zxcvbn-ts) with its
 * list of common passwords and keyboard patterns, plus the ones common in China (pinyin, 520/1314 and
 * QQ-style numbers) that the English lists lack. A length-and-mix rule alone lets `password123` through.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** Common Chinese passwords and parts of them (lists of leaked Chinese passwords: top entries). */
const CHINESE_COMMON = [
  'woaini',
  'woaini1314',
  '5201314',
  '1314520',
  'aini1314',
  'woaini520',
  'iloveyou',
  'qq123456',
  'zhang',
  'wang',
  'li',
  'liu',
  'chen',
  'zhongguo',
  'china',
  'beijing',
  'shanghai',
  'jilin',
  'changchun',
  'xuexi',
  'jiaoyu',
  'admin',
  'tuijie',
  'mima',
  'abc123',
  'a123456',
  '123qwe',
  '1qaz2wsx',
  'qwer1234',
];

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, chinese: CHINESE_COMMON },
  graphs: common.adjacencyGraphs,
});

/** 0 (guessed at once) to 4 (very hard); 3 is what the platform asks for. */
export function passwordScore(password: string, userInputs: string[] = []): number {
  return estimator.check(password, userInputs).score;
}

export const REQUIRED_SCORE = 3;
