/**
 * What a connected CRM receives from Rapport, in Firefox's data collection taxonomy
 * (`browser_specific_settings.gecko.data_collection_permissions`; docs/store-listing.md,
 * "Privacy and data use"). Firefox counts as transmission anything handled outside the add-on
 * and the browser — the rep's own CRM included — so the manifest declares these as optional
 * (nothing is sent before the rep connects a CRM), and the connect button asks for them together
 * with the CRM's host permission.
 *
 * - `authenticationInfo`: the token, API key, app credentials or signed-in session (Salesforce's
 *   `sid` cookie, Dynamics' session cookies) sent with every API call;
 * - `personallyIdentifyingInfo`: the rep's mobile number (Fxiaoke finds the rep's account by it),
 *   and the people a quick-log's text names;
 * - `personalCommunications`: what was said on a call, in a meeting, a visit or an e-mail, as the
 *   rep summarised it in a quick-log, with its next step.
 *
 * Not in a category: the opt-in score write-back (tier, risk band, churn probability, next action
 * on the account: Rapport's own ratings of the rep's customers, no amounts or payment data).
 *
 * Pure (no `browser`): wxt.config.ts reads the list for the manifest.
 */
import type { CrmId } from '../schemas/values';

export const CRM_DATA_COLLECTION = ['authenticationInfo', 'personallyIdentifyingInfo', 'personalCommunications'] as const;

/** The optional data collection a built manifest declares (Firefox's; none elsewhere). */
export function declaredDataCollection(manifest: unknown): string[] {
  const gecko = (manifest as { browser_specific_settings?: { gecko?: { data_collection_permissions?: { optional?: unknown } } } } | null)
    ?.browser_specific_settings?.gecko;
  const optional = gecko?.data_collection_permissions?.optional;
  return Array.isArray(optional) ? optional.filter((p): p is string => typeof p === 'string') : [];
}

export interface ConnectPermissions {
  permissions?: string[];
  origins?: string[];
  /** Firefox's optional data collection consent (permissions.request accepts it from Firefox 139 on). */
  data_collection?: string[];
}

/**
 * What to ask the browser for when the rep presses Connect (one prompt, in the click's user
 * gesture): the CRM's API origins, Salesforce's session cookie, and where the manifest declares
 * it (Firefox) the consent to send the CRM what CRM_DATA_COLLECTION names. Undefined: nothing to ask.
 */
export function connectPermissions(crm: CrmId, origins: readonly string[], declared: readonly string[]): ConnectPermissions | undefined {
  const dataCollection = CRM_DATA_COLLECTION.filter((p) => declared.includes(p));
  const ask: ConnectPermissions = {
    ...(crm === 'salesforce' ? { permissions: ['cookies'] } : {}),
    ...(origins.length ? { origins: [...origins] } : {}),
    ...(dataCollection.length ? { data_collection: dataCollection } : {}),
  };
  return Object.keys(ask).length ? ask : undefined;
}
