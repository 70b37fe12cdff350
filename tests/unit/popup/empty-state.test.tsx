// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { browser } from 'wxt/browser';
import { QuickLogApp } from '../../../components/popup/QuickLogApp';
import { RapportPage } from '../../../components/common';
import type { PopupContext, PopupServices } from '../../../lib/popup/popup-services';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';

type PanelApis = { sidePanel?: unknown; windows?: unknown };
const apis = browser as unknown as PanelApis;
const saved = { sidePanel: apis.sidePanel, windows: apis.windows };

let close: ReturnType<typeof vi.fn<() => void>>;
const services = (ctx: Partial<PopupContext>): PopupServices => ({
  resolveContext: async () => ({ record: null, customer: null, candidates: [], emptyBook: false, ...ctx }),
  search: async () => [],
  details: async () => null,
  log: async () => {
    throw new Error('not in this test');
  },
  undo: async () => {
    throw new Error('not in this test');
  },
  track: async () => {
    throw new Error('not in this test');
  },
  openOptions: () => undefined,
  close,
});

const renderPopup = (ctx: Partial<PopupContext>): void => {
  render(
    <RapportPage settings={{ ...DEFAULT_SETTINGS, language: 'en' }}>
      <QuickLogApp services={services(ctx)} asOf="2026-11-20" draftDelayMs={0} />
    </RapportPage>,
  );
};

beforeEach(() => {
  close = vi.fn<() => void>();
});
afterEach(() => {
  cleanup();
  Object.assign(apis, saved);
});

describe('popup with no customer on the tab', () => {
  it('offers the search and opens the side panel in the click, then closes', async () => {
    const open = vi.fn(async () => undefined);
    Object.assign(apis, { sidePanel: { open }, windows: { getCurrent: async () => ({ id: 42 }) } });
    renderPopup({});
    expect(await screen.findByRole('heading', { name: 'No customer on this tab' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Find a customer' }));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Customer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open side panel' }));
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(open).toHaveBeenCalledWith({ windowId: 42 });
  });

  it('says so when the side panel cannot be opened', async () => {
    Object.assign(apis, { sidePanel: undefined, windows: undefined });
    renderPopup({});
    await userEvent.click(await screen.findByRole('button', { name: 'Open side panel' }));
    expect(await screen.findByText('The side panel could not be opened from here.')).toBeTruthy();
    expect(close).not.toHaveBeenCalled();
  });

  it('with no customers at all, shows the next steps instead of a form that cannot be used', async () => {
    renderPopup({ emptyBook: true });
    expect(await screen.findByRole('heading', { name: 'No customers yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import your CRM’s export' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });
});
