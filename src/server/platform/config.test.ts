import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('the public address (TUIJIE_PUBLIC_URL)', () => {
  it('is unset by default and kept without trailing slashes', () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ TUIJIE_PUBLIC_URL: '  ' }).publicUrl).toBeNull();
    expect(loadConfig({ TUIJIE_PUBLIC_URL: 'https://xuexi.jl.gov.cn' }).publicUrl).toBe(
      'https://xuexi.jl.gov.cn',
    );
    expect(loadConfig({ TUIJIE_PUBLIC_URL: 'http://10.1.2.3/' }).publicUrl).toBe('http://10.1.2.3');
    expect(loadConfig({ TUIJIE_PUBLIC_URL: 'HTTPS://Xuexi.JL.gov.cn:8443//' }).publicUrl).toBe(
      'https://xuexi.jl.gov.cn:8443',
    );
    expect(loadConfig({ TUIJIE_PUBLIC_URL: 'https://www.example.cn/tuijie/' }).publicUrl).toBe(
      'https://www.example.cn/tuijie',
    );
  });

  it('refuses at start anything but an http(s) address, in Chinese', () => {
    for (const bad of [
      'xuexi.jl.gov.cn',
      'ftp://xuexi.jl.gov.cn',
      'javascript:alert(1)',
      'https://xuexi.jl.gov.cn/?from=wechat',
      'https://user:secret@xuexi.jl.gov.cn',
      '/showcase/',
    ]) {
      expect(() => loadConfig({ TUIJIE_PUBLIC_URL: bad })).toThrow(
        `环境变量 TUIJIE_PUBLIC_URL 应为网站对外的地址，以 http:// 或 https:// 开头，如 https://xuexi.jl.gov.cn，实为「${bad}」`,
      );
    }
  });
});

describe('DATABASE_POOL_SIZE', () => {
  it('is 10 connections unless set, and what it says when set', () => {
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '4' }).databasePoolSize).toBe(4);
  });

  it('refuses, in Chinese, a size that is not a whole number from 1 to 200', () => {
    for (const bad of ['0', '201', '2.5', 'ten', '-3'])
      expect(() => loadConfig({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
