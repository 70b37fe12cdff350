/**
 * Content scripts run inside the CRM page's renderer. Chrome lets them read and write
 * `storage.local` by default; Rapport keeps nothing they need there (they ask the background by
 * message), so the background limits it to extension pages and itself (Firefox has no such
 * switch: its content scripts share the area; nothing read from it is trusted unchecked).
 */
interface AccessLevelArea {
  setAccessLevel?: (o: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/** Returns whether the area was restricted (false where the browser cannot). */
export async function restrictToExtension(area: AccessLevelArea | undefined): Promise<boolean> {
  if (typeof area?.setAccessLevel !== 'function') return false;
  await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return true;
}
