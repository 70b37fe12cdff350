/**
 * The privacy "never log" list (settings.neverLog): customer ids, email domains
 * (`example.com` or `@example.com`, subdomains included) and email addresses of people.
 * Pure, shared by the popup (refuses before sending) and the background (refuses always).
 */
export interface NeverLogSubject {
  customerId: string;
  domain?: string;
  emails?: readonly string[];
  /** The contact typed in the quick-log (a name, or an email address). */
  contact?: string;
}

const domainOf = (email: string): string | undefined => {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(at + 1) : undefined;
};

const EMAIL_IN_TEXT = /[^\s<>()"',;]+@[^\s<>()"',;]+\.[^\s<>()"',;]+/g;

const domainMatches = (domain: string | undefined, entry: string): boolean => !!domain && (domain === entry || domain.endsWith(`.${entry}`));

/** The first list entry that forbids logging for this subject, or null when logging is allowed. */
export function neverLogHit(list: readonly string[], subject: NeverLogSubject): string | null {
  const emails = [...(subject.emails ?? []), ...(subject.contact?.match(EMAIL_IN_TEXT) ?? [])].map((e) => e.trim().toLowerCase());
  const domains = [
    subject.domain
      ?.trim()
      .toLowerCase()
      .replace(/^www\./, ''),
    ...emails.map(domainOf),
  ].filter((d): d is string => !!d);
  for (const raw of list) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === subject.customerId.trim().toLowerCase()) return raw.trim();
    if (entry.startsWith('@')) {
      if (domains.some((d) => domainMatches(d, entry.slice(1)))) return raw.trim();
    } else if (entry.includes('@')) {
      if (emails.includes(entry)) return raw.trim();
    } else if (entry.includes('.') && !/\s/.test(entry)) {
      if (domains.some((d) => domainMatches(d, entry))) return raw.trim();
    }
  }
  return null;
}

/** What a CRM record (a page's record, a synced account) shows of itself. */
export interface NeverLogRecord {
  /** Ids it is known by: the customer id it would get, its CRM record id. */
  ids: readonly string[];
  domain?: string;
  emails?: readonly string[];
}

/**
 * The first list entry naming a CRM record, or null. Track, Link and sync refuse such a record:
 * it must not become (or be tied to) a customer of the book.
 */
export function neverLogRecordHit(list: readonly string[], record: NeverLogRecord): string | null {
  if (!list.length) return null;
  const ids = record.ids.length ? record.ids : [''];
  for (const customerId of ids) {
    const hit = neverLogHit(list, { customerId, ...(record.domain ? { domain: record.domain } : {}), ...(record.emails ? { emails: record.emails } : {}) });
    if (hit) return hit;
  }
  return null;
}
