/**
 * The background's message handlers, one service module per area. Each service module
 * exports a `Partial<Handlers>`; this file only merges them.
 */
import type { Handlers } from '../messaging/router';
import { interactionsHandlers } from './interactions';
import { actionsHandlers } from './actions';
import { importHandlers } from './import';
import { sampleHandlers } from './sample';
import { overlayHandlers } from './overlay';

export const handlers: Partial<Handlers> = {
  ...interactionsHandlers,
  ...actionsHandlers,
  ...importHandlers,
  ...sampleHandlers,
  ...overlayHandlers,
};
