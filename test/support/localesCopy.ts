import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- locale JSON is edited freely
export type Json = Record<string, any>;

/** The shipped locale folder. */
export const SHIPPED_LOCALES = path.resolve(__dirname, '..', '..', 'locales');

export interface LocalesCopy {
  /** The copy: a temporary folder named `locales`, fresh for each test. */
  readonly dir: string;
  /** Changes one file of the copy, e.g. `editJson('de/common.json', (j) => { delete j.yes; })`. */
  editJson(file: string, change: (json: Json) => void): void;
}

/**
 * A fresh copy of locales/ for each test of the calling `describe` (or file), to be broken on
 * purpose, removed after each test.
 */
export function useLocalesCopy(): LocalesCopy {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'passerelle-locales-'));
    cpSync(SHIPPED_LOCALES, path.join(root, 'locales'), { recursive: true });
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });
  return {
    get dir() {
      return path.join(root, 'locales');
    },
    editJson(file, change) {
      const full = path.join(root, 'locales', file);
      const json = JSON.parse(readFileSync(full, 'utf8')) as Json;
      change(json);
      writeFileSync(full, JSON.stringify(json, null, 2));
    }
  };
}
