import { describe, expect, it } from 'vitest';
import { concealForm, isSealed, maskAddress, maskPersonal, matchText } from './personal-fields.ts';

const sealed = { v: 1, kid: 'k1', iv: 'aXY=', tag: 'dGFn', ct: 'Y3Q=', mask: '22************1235' };

describe('personal fields', () => {
  it('tells an envelope from text and from look-alikes', () => {
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed('220102198001011235')).toBe(false);
    expect(isSealed({ ...sealed, v: 2 })).toBe(false);
    expect(isSealed({ ...sealed, mask: undefined })).toBe(false);
  });

  it('conceals sealed and clear personal fields alike and leaves the rest', () => {
    expect(
      concealForm({
        name: '王秀兰',
        idNumber: sealed,
        phone: '13812345678',
        address: '吉林省长春市朝阳区某街道1号',
        contactPhone: '0431-88886666',
        story: '坚持学习',
      }),
    ).toEqual({
      name: '王秀兰',
      idNumber: '22************1235',
      phone: '138****5678',
      address: '吉林省长春市****',
      contactPhone: '0431-****6666',
      story: '坚持学习',
    });
  });

  it('masks an address down to its province and city, and a short one whole', () => {
    expect(maskAddress('吉林省长春市南关区人民大街100号')).toBe('吉林省长春市****');
    expect(maskAddress('某村')).toBe('****');
    expect(maskPersonal('address', '')).toBe('');
  });

  it('hashes the same person however the number was typed', () => {
    expect(matchText('idNumber', ' ２２０１０２１９８００１０１１２３x ')).toBe('22010219800101123X');
    expect(matchText('phone', '138 1234 5678')).toBe(matchText('phone', '13812345678'));
  });
});
