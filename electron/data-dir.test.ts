import { describe, expect, it } from 'vitest';
import { dataDirName, defaultDataDir, readFlag, resolveDataDir } from './data-dir';

describe('readFlag', () => {
  it('reads --name=value and --name value, last one winning', () => {
    expect(readFlag(['--data-dir=/a'], 'data-dir')).toBe('/a');
    expect(readFlag(['--data-dir', '/b'], 'data-dir')).toBe('/b');
    expect(readFlag(['--data-dir=/a', '--data-dir', '/b'], 'data-dir')).toBe('/b');
  });

  it('does not take the next flag as a value, nor match a longer flag name', () => {
    expect(readFlag(['--data-dir', '--port=3'], 'data-dir')).toBeUndefined();
    expect(readFlag(['--data-dir-extra=/x'], 'data-dir')).toBeUndefined();
    expect(readFlag([], 'port')).toBeUndefined();
  });
});

describe('defaultDataDir', () => {
  it('matches Electron userData on Linux, honouring an absolute XDG_CONFIG_HOME', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Aftertab');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe('/xdg/Aftertab');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: 'relative' }, '/home/ana')).toBe('/home/ana/.config/Aftertab');
  });

  it('matches Electron userData on macOS and Windows', () => {
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Aftertab');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Aftertab');
    expect(defaultDataDir('win32', {}, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Aftertab');
  });
});

describe('resolveDataDir', () => {
  it('prefers the flag, then AFTERTAB_DATA_DIR, then the fallback', () => {
    expect(resolveDataDir(['--data-dir=/flag'], { AFTERTAB_DATA_DIR: '/env' }, '/fallback')).toBe('/flag');
    expect(resolveDataDir([], { AFTERTAB_DATA_DIR: '/env' }, '/fallback')).toBe('/env');
    expect(resolveDataDir([], {}, '/fallback')).toBe('/fallback');
  });

  it('makes a relative folder absolute against the working directory', () => {
    expect(resolveDataDir(['--data-dir', 'data'], {}, '/fallback', '/work/here')).toBe('/work/here/data');
  });
});

describe('dataDirName', () => {
  it('keeps the generic folder for the generic build and an unbranded store build', () => {
    expect(dataDirName('aftertab')).toBe('Aftertab');
    expect(dataDirName(undefined)).toBe('Aftertab');
  });

  it('gives a branded store build (package aftertab-<slug>) a folder of its own', () => {
    expect(dataDirName('aftertab-salon-example')).toBe('Aftertab-salon-example');
    expect(dataDirName('aftertab-cafe-example')).not.toBe(dataDirName('aftertab-salon-example'));
  });

  it('ignores a package name that is not a store build', () => {
    expect(dataDirName('aftertab-../../x')).toBe('Aftertab');
    expect(dataDirName('something-else')).toBe('Aftertab');
  });
});
