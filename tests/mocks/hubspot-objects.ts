/** The HubSpot mock's CRM object endpoints: v3 list / search / create / batch, v4 associations. */
import type { MockRequest, MockResponse } from './harness';
import { ASSOCIATION_TYPES, COMMON, KNOWN, SINGULAR, TYPES, type HsRecord, type HubspotStore, type Props } from './hubspot-store';

export const hubspotError = (status: number, category: string, message: string, extra: Record<string, unknown> = {}): MockResponse => ({
  status,
  body: { status: 'error', message, correlationId: '3d6f2a4e-9c1b-4f7e-8a55-0c2e6b1d9f00', category, ...extra },
});

interface Host {
  store: HubspotStore;
  now: number;
  searchLagMs: number;
  companyProperties: string[];
  created: { type: string; id: string }[];
  view(rec: HsRecord, properties: readonly string[]): Record<string, unknown>;
}

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
}

const DATES = new Set(['hs_lastmodifieddate', 'lastmodifieddate', 'hs_timestamp', 'createdate', 'closedate', 'hs_createdate']);
const asTime = (v: string | null | undefined): number => (v == null || v === '' ? NaN : /^\d+$/.test(v) ? Number(v) : Date.parse(v));

function matches(rec: HsRecord, f: Filter): boolean {
  const raw = rec.properties[f.propertyName];
  if (f.operator === 'HAS_PROPERTY') return raw != null && raw !== '';
  if (f.operator === 'NOT_HAS_PROPERTY') return raw == null || raw === '';
  if (raw == null) return f.operator === 'NEQ';
  const [a, b] = DATES.has(f.propertyName)
    ? [asTime(raw), asTime(f.value)]
    : /^-?\d+(\.\d+)?$/.test(f.value ?? '')
      ? [Number(raw), Number(f.value)]
      : [raw.toLowerCase(), (f.value ?? '').toLowerCase()];
  switch (f.operator) {
    case 'EQ':
      return a === b;
    case 'NEQ':
      return a !== b;
    case 'GT':
      return a > b;
    case 'GTE':
      return a >= b;
    case 'LT':
      return a < b;
    case 'LTE':
      return a <= b;
    default:
      throw new Error(`operator ${f.operator}`);
  }
}

const byId = (a: HsRecord, b: HsRecord): number => Number(BigInt(a.id) - BigInt(b.id));

export function hubspotObjects(host: Host) {
  const { store } = host;
  const known = (type: string): string[] => [...COMMON, ...(KNOWN[type] ?? []), ...(type === 'companies' ? host.companyProperties : [])];
  const badProps = (type: string, props: Props): MockResponse | undefined => {
    const unknown = Object.keys(props).filter((p) => !known(type).includes(p));
    return unknown.length
      ? hubspotError(400, 'VALIDATION_ERROR', `Property values were not valid: ${unknown.join(', ')} does not exist`, {
          errors: unknown.map((p) => ({ message: `Property "${p}" does not exist`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [p] } })),
        })
      : undefined;
  };

  function list(type: string, q: URLSearchParams): MockResponse {
    const limit = Number(q.get('limit') ?? 10);
    if (!(limit >= 1 && limit <= 100)) return hubspotError(400, 'VALIDATION_ERROR', 'limit must be between 1 and 100');
    const archived = q.get('archived') === 'true';
    const after = q.get('after');
    const properties = (q.get('properties') ?? '').split(',').filter(Boolean);
    const assocTypes = (q.get('associations') ?? '').split(',').filter(Boolean);
    const all = [...store.table(type).values()].filter((r) => r.archived === archived && (!after || BigInt(r.id) >= BigInt(after))).sort(byId);
    const page = all.slice(0, limit);
    const results = page.map((r) => {
      const v = host.view(r, properties);
      const assoc: Record<string, unknown> = {};
      for (const to of assocTypes) {
        const links = store.linked(type, r.id, to);
        if (links.length)
          assoc[to] = {
            results: links.map((l) => ({
              id: l.to,
              type: `${SINGULAR[type]}_to_${SINGULAR[to]}${l.label === null && ASSOCIATION_TYPES[`${type}→${to}`]!.length > 1 ? '_unlabeled' : ''}`,
            })),
          };
      }
      return Object.keys(assoc).length ? { ...v, associations: assoc } : v;
    });
    const next = all[limit];
    return {
      status: 200,
      body: { results, ...(next ? { paging: { next: { after: next.id, link: `https://api.hubapi.com/crm/v3/objects/${type}?after=${next.id}` } } } : {}) },
    };
  }

  function search(
    type: string,
    body: {
      filterGroups?: { filters: Filter[] }[];
      sorts?: { propertyName: string; direction?: string }[];
      properties?: string[];
      limit?: number;
      after?: string;
    },
  ): MockResponse {
    const limit = body.limit ?? 10;
    const after = Number(body.after ?? 0);
    const groups = body.filterGroups ?? [];
    if (limit > 200) return hubspotError(400, 'VALIDATION_ERROR', 'limit must be at most 200');
    if (groups.length > 5 || groups.some((g) => g.filters.length > 10) || groups.reduce((n, g) => n + g.filters.length, 0) > 25)
      return hubspotError(400, 'VALIDATION_ERROR', 'too many filters');
    if (after + limit > 10_000) return hubspotError(400, 'VALIDATION_ERROR', 'Search results are limited to 10,000: narrow the filters');
    const visible = [...store.table(type).values()].filter((r) => !r.archived && r.updatedAt <= host.now - host.searchLagMs);
    const hits = visible.filter((r) => !groups.length || groups.some((g) => g.filters.every((f) => matches(r, f))));
    const sort = body.sorts?.[0];
    hits.sort((a, b) => {
      if (!sort) return byId(a, b);
      const d = asTime(a.properties[sort.propertyName]) - asTime(b.properties[sort.propertyName]);
      return (sort.direction === 'DESCENDING' ? -d : d) || byId(a, b);
    });
    const page = hits.slice(after, after + limit);
    return {
      status: 200,
      body: {
        total: hits.length,
        results: page.map((r) => host.view(r, body.properties ?? [])),
        ...(after + limit < hits.length ? { paging: { next: { after: String(after + limit) } } } : {}),
      },
    };
  }

  function create(
    type: string,
    body: { properties?: Props; associations?: { to: { id: string }; types: { associationCategory: string; associationTypeId: number }[] }[] },
  ): MockResponse {
    const props = body.properties ?? {};
    const bad = badProps(type, props);
    if (bad) return bad;
    if (['calls', 'emails', 'meetings', 'notes'].includes(type) && !props.hs_timestamp)
      return hubspotError(400, 'VALIDATION_ERROR', 'hs_timestamp is required');
    const links: [string, string, number][] = [];
    for (const a of body.associations ?? [])
      for (const t of a.types) {
        const to = Object.entries(ASSOCIATION_TYPES)
          .find(([k, ids]) => k.startsWith(`${type}→`) && ids.some(([id]) => id === t.associationTypeId))?.[0]
          .split('→')[1];
        if (!to || t.associationCategory !== 'HUBSPOT_DEFINED')
          return hubspotError(400, 'VALIDATION_ERROR', `association type ${t.associationTypeId} is not valid for ${type}`);
        if (!store.table(to).get(a.to.id) || store.table(to).get(a.to.id)!.archived)
          return hubspotError(400, 'VALIDATION_ERROR', `${to} ${a.to.id} does not exist`);
        links.push([to, a.to.id, t.associationTypeId]);
      }
    const rec = store.create(type, props);
    for (const [to, id, typeId] of links) store.associate(type, rec.id, to, id, typeId);
    host.created.push({ type, id: rec.id });
    return { status: 201, body: host.view(rec, Object.keys(props)) };
  }

  function batchRead(type: string, body: { properties?: string[]; inputs?: { id: string }[] }): MockResponse {
    const inputs = body.inputs ?? [];
    if (inputs.length > 100) return hubspotError(400, 'VALIDATION_ERROR', 'at most 100 inputs');
    const found = inputs.map((i) => store.table(type).get(i.id)).filter((r): r is HsRecord => !!r && !r.archived);
    return { status: 200, body: { status: 'COMPLETE', results: found.map((r) => host.view(r, body.properties ?? [])) } };
  }

  function batchUpdate(type: string, body: { inputs?: { id: string; properties: Props }[] }): MockResponse {
    const inputs = body.inputs ?? [];
    if (inputs.length > 100) return hubspotError(400, 'VALIDATION_ERROR', 'at most 100 inputs');
    for (const i of inputs) {
      const bad = badProps(type, i.properties);
      if (bad) return bad;
      if (!store.table(type).get(i.id)) return hubspotError(400, 'VALIDATION_ERROR', `${type} ${i.id} does not exist`);
    }
    for (const i of inputs) store.edit(type, i.id, i.properties);
    return { status: 200, body: { status: 'COMPLETE', results: inputs.map((i) => host.view(store.table(type).get(i.id)!, Object.keys(i.properties))) } };
  }

  const assocView = (l: { to: string; typeId: number; label: string | null }) => ({
    toObjectId: Number(l.to),
    associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: l.typeId, label: l.label }],
  });

  function route(method: string, path: string, req: MockRequest): MockResponse {
    const body = (): Record<string, never> => (req.body ? JSON.parse(req.body) : {});
    const isType = (t: string | undefined): t is string => !!t && (TYPES as readonly string[]).includes(t);
    let m: RegExpExecArray | null;
    if ((m = /^\/crm\/v3\/objects\/(\w+)(?:\/(search|batch\/read|batch\/update))?$/.exec(path)) && isType(m[1])) {
      if (method === 'GET' && !m[2]) return list(m[1], req.url.searchParams);
      if (method === 'POST' && !m[2]) return create(m[1], body());
      if (method === 'POST' && m[2] === 'search') return search(m[1], body());
      if (method === 'POST' && m[2] === 'batch/read') return batchRead(m[1], body());
      if (method === 'POST' && m[2] === 'batch/update') return batchUpdate(m[1], body());
    }
    if (method === 'POST' && (m = /^\/crm\/v4\/associations\/(\w+)\/(\w+)\/batch\/read$/.exec(path)) && isType(m[1]) && isType(m[2])) {
      const [from, to] = [m[1], m[2]];
      const inputs = (body() as { inputs?: { id: string }[] }).inputs ?? [];
      const results = inputs.map((i) => ({ from: { id: i.id }, to: store.linked(from, i.id, to).map(assocView) })).filter((r) => r.to.length);
      const missing = inputs.filter((i) => !results.some((r) => r.from.id === i.id));
      return {
        status: missing.length ? 207 : 200,
        body: {
          status: 'COMPLETE',
          results,
          ...(missing.length
            ? { numErrors: missing.length, errors: missing.map((i) => ({ status: 'error', category: 'OBJECT_NOT_FOUND', context: { fromObjectId: [i.id] } })) }
            : {}),
        },
      };
    }
    if (method === 'GET' && (m = /^\/crm\/v4\/objects\/(\w+)\/(\d+)\/associations\/(\w+)$/.exec(path)) && isType(m[1]) && isType(m[3])) {
      const limit = Math.min(500, Number(req.url.searchParams.get('limit') ?? 500));
      const start = Number(req.url.searchParams.get('after') ?? 0);
      const all = store.linked(m[1], m[2]!, m[3]);
      return {
        status: 200,
        body: {
          results: all.slice(start, start + limit).map(assocView),
          ...(start + limit < all.length ? { paging: { next: { after: String(start + limit) } } } : {}),
        },
      };
    }
    return hubspotError(404, 'OBJECT_NOT_FOUND', 'Unable to route the request');
  }

  return { route };
}
