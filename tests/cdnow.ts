/**
 * Where the CDNOW acceptance data is read from: the folder beside the checkout, never copied into the
 * repository. What its files hold and the conventions the tests use: docs/cdnow.md.
 */
import path from 'node:path';

export const CDNOW_DIR = path.resolve('..', 'shared', 'data', 'cdnow');
export const cdnowFile = (name: string): string => path.join(CDNOW_DIR, name);
