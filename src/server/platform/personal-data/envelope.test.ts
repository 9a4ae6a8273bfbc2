import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '#core/identity/index.ts';
import { DataKeyError, dataKeyring, keyringFromEnv } from './data-keys.ts';
import { matchHash, open, seal, UnknownDataKeyError } from './envelope.ts';
import { formMatchHashes, revealForm, sealForm } from './sealed-form.ts';

const ID = `22010219800101123${idCheckCharacter('22010219800101123')}`;

describe('sealing a personal value', () => {
  const keyring = dataKeyring(randomBytes(32));

  it('opens what it sealed; the envelope holds the mask and never the value', () => {
    const envelope = seal('idNumber', ID, keyring);
    expect(envelope).toMatchObject({ v: 1, kid: keyring.current.kid, mask: `22************${ID.slice(14)}` });
    expect(JSON.stringify(envelope)).not.toContain(ID);
    expect(open('idNumber', envelope, keyring)).toBe(ID);
    // A fresh IV each time: equal values do not give equal envelopes (the hash is for matching).
    expect(seal('idNumber', ID, keyring).ct).not.toBe(envelope.ct);
  });

  it('refuses a changed byte, another field and another key with a message, never garbage', () => {
    const envelope = seal('phone', '13812345678', keyring);
    const ct = Buffer.from(envelope.ct, 'base64');
    ct[0]! ^= 1;
    expect(() => open('phone', { ...envelope, ct: ct.toString('base64') }, keyring)).toThrow(/无法.*解密/);
    expect(() => open('address', envelope, keyring)).toThrow(DataKeyError);
    expect(() => open('phone', envelope, dataKeyring(randomBytes(32)))).toThrow(UnknownDataKeyError);
    // Same id, other bytes (a forged kid): the tag catches it.
    const impostor = dataKeyring(randomBytes(32));
    expect(() => open('phone', { ...envelope, kid: impostor.current.kid }, impostor)).toThrow(/无法.*解密/);
  });

  it('opens old keys after a rotation and seals with the new one', () => {
    const rotated = dataKeyring(randomBytes(32), [keyring.current.key]);
    const form = sealForm({ name: '王秀兰', idNumber: ID, phone: '' }, keyring);
    const resealed = sealForm(form, rotated);
    expect((resealed.idNumber as { kid: string }).kid).toBe(rotated.current.kid);
    expect(revealForm(resealed, rotated)).toEqual({ name: '王秀兰', idNumber: ID, phone: '' });
  });

  it('matches on a keyed hash of the normalised number, and the hash depends on the key', () => {
    const typed = ` ${ID.slice(0, 6)} ${ID.slice(6)} `;
    expect(matchHash('idNumber', typed, keyring)).toBe(matchHash('idNumber', ID, keyring));
    expect(matchHash('idNumber', ID, keyring)).not.toContain(ID);
    expect(matchHash('idNumber', ID, dataKeyring(randomBytes(32)))).not.toBe(
      matchHash('idNumber', ID, keyring),
    );
    expect(formMatchHashes({ idNumber: ID }, keyring).birthDateHash).toBe(
      matchHash('birthDate', '1980-01-01', keyring),
    );
    expect(formMatchHashes({ name: '无号码' }, keyring)).toEqual({ idNumberHash: null, birthDateHash: null });
  });
});

describe('keys from the environment', () => {
  it('reads the current key and the old ones, and says in Chinese what is wrong with a bad one', () => {
    const key = randomBytes(32).toString('base64');
    const old = randomBytes(32).toString('base64');
    const keyring = keyringFromEnv({ TUIJIE_DATA_KEY: key, TUIJIE_DATA_KEYS_OLD: ` ${old} ,` })!;
    expect(keyring.keys.size).toBe(2);
    expect(keyringFromEnv({})).toBeNull();
    expect(() => keyringFromEnv({ TUIJIE_DATA_KEY: 'secret' })).toThrow(/TUIJIE_DATA_KEY 应为 32 字节/);
    expect(() => keyringFromEnv({ TUIJIE_DATA_KEY: randomBytes(16).toString('base64') })).toThrow(
      DataKeyError,
    );
    expect(() => keyringFromEnv({ TUIJIE_DATA_KEYS_OLD: old })).toThrow(/须同时设置当前密钥/);
  });
});
