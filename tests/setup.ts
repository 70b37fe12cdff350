import 'fake-indexeddb/auto';
import { configure } from '@testing-library/dom';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Live queries resolve through fake IndexedDB: on a busy 2-core CI runner that can take more than
// Testing Library's default 1 s, which made waits fail for slowness, not for a wrong result.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  fakeBrowser.reset();
});
