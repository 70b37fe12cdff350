/**
 * The background's message handlers, one service module per area. Each service module
 * exports its handlers; this file only merges them.
 */
import type { Handlers } from '../messaging/router';
import { dropAllImportFiles, dropImportFile } from '../import/worker-files';
import { interactionsHandlers } from './interactions';
import { actionsHandlers } from './actions';
import { rescoreAllHandlers } from './rescore-all';
import { sampleHandlers } from './sample';
import { overlayHandlers } from './overlay';
import { settingsHandlers } from './settings';
import { goalsHandlers } from './goals';
import { sidePanelHandlers } from './sidepanel';
import { createBackgroundDataHandlers } from './data';
import { syncHandlers } from './sync';

export const handlers: Partial<Handlers> = {
  ...interactionsHandlers,
  ...actionsHandlers,
  ...rescoreAllHandlers(),
  ...sampleHandlers,
  ...overlayHandlers,
  ...settingsHandlers,
  ...goalsHandlers,
  ...sidePanelHandlers,
  ...syncHandlers,
  ...createBackgroundDataHandlers((importId) => (importId ? dropImportFile(importId) : dropAllImportFiles())),
};
