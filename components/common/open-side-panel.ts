/**
 * Opening the side panel from a page's click. Both browsers want the call inside the click's
 * user gesture, so nothing is awaited before it: Chrome's `sidePanel.open` needs a window id,
 * read when the page loads; Firefox opens its sidebar with `sidebarAction.open()`.
 */
import { browser } from 'wxt/browser';

interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
  windows?: { getCurrent(): Promise<{ id?: number }> };
}

const apis = (): PanelApis => browser as unknown as PanelApis;

/** The current window's id (Chrome needs it for sidePanel.open); undefined where not known. */
export async function currentWindowId(): Promise<number | undefined> {
  try {
    return (await apis().windows?.getCurrent())?.id;
  } catch {
    return undefined;
  }
}

/** Call in the click handler itself. Rejects when the browser refuses (no API, no gesture). */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const { sidePanel, sidebarAction } = apis();
  if (sidebarAction) return sidebarAction.open();
  if (sidePanel && windowId !== undefined) return sidePanel.open({ windowId });
  return Promise.reject(new Error('no side panel API'));
}
