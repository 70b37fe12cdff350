/**
 * Where the CRM content script runs: the manifest's CRM host patterns (also the host
 * permissions), narrowed to CRM app pages where a CRM's hosts are broad — Dynamics only on an org
 * host's `main.aspx`, Pipedrive never on its marketing, docs, API or login hosts. A page must
 * match `CONTENT_MATCHES`, one of `CONTENT_INCLUDE_GLOBS`, and none of `CONTENT_EXCLUDE_MATCHES`.
 * Custom domains are registered separately (custom-domains.ts).
 */
import { CRMS, CRM_MATCHES } from '../crm/registry';
import { DYNAMICS_APP_GLOBS } from '../crm/dynamics/urls';
import { PIPEDRIVE_NOT_APP_MATCHES } from '../crm/pipedrive/urls';

export const CONTENT_MATCHES: readonly string[] = CRM_MATCHES;

export const CONTENT_INCLUDE_GLOBS: readonly string[] = CRMS.flatMap((d) => (d.id === 'dynamics' ? DYNAMICS_APP_GLOBS : d.hosts.map((h) => `https://${h}/*`)));

export const CONTENT_EXCLUDE_MATCHES: readonly string[] = PIPEDRIVE_NOT_APP_MATCHES;
