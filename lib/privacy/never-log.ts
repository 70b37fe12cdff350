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
