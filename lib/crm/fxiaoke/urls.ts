/**
 * Fxiaoke 纷享销客 host and URL forms (docs/crm/fxiaoke.md §Hosts, §URLs): one shell page,
 * `/XV/UI/Home` on `www.fxiaoke.com`, routed by hash:
 *   record  #crm/detail/=/<ObjectApiName>/<24-hex id>
 *   list    #crm/list/=/<ObjectApiName> (old), #paasapp/list/=/appId_CRM/<ObjectApiName> (new)
 * Object API names end in `Obj`: 客户 AccountObj, 联系人 ContactObj, 商机 NewOpportunityObj
 * (商机2.0) and the older OpportunityObj.
 */
import type { ObjectType } from '../../schemas/values';
import { enc, lookup, nameOf, onHosts } from '../read';
import type { CrmBase, PageInfo } from '../types';

export const FXIAOKE_HOSTS = ['www.fxiaoke.com'] as const;

export const FX_SHELL = /^\/XV\/UI\/Home\/?$/i;
export const FX_DETAIL = /^#crm\/detail\/=\/([A-Za-z0-9_]+)\/([0-9a-f]{24})(?:[/?&]|$)/i;
export const FX_LIST = /^#(?:crm\/list\/=\/|paasapp\/list\/=\/appId_CRM\/)([A-Za-z0-9_]+)(?:[/?&]|$)/;
export const FX_ID = /^[0-9a-f]{24}$/i;

export const FX_OBJECTS: Readonly<Record<string, ObjectType>> = {
  AccountObj: 'account',
  ContactObj: 'contact',
  NewOpportunityObj: 'deal',
  OpportunityObj: 'deal',
};

export const isFxiaokeHost = (hostname: string): boolean => onHosts(FXIAOKE_HOSTS, hostname);

const objectType = (api: string): ObjectType | undefined => lookup(FX_OBJECTS, api);

/** Every tenant (enterprise account) shares the one web host, and the URL does not name it. */
export const fxiaokeTenant = (): null => null;

export const fxiaokeBase = (url: URL): CrmBase => ({ origin: url.origin });

/** One web host, so a link needs no learnt base; the detail route is hash-based. */
export function fxiaokeRecordUrl(ref: { objectType: ObjectType; id: string }, base: CrmBase | undefined): string | null {
  const api = nameOf(FX_OBJECTS, ref.objectType);
  return api ? `${base?.origin ?? 'https://www.fxiaoke.com'}/XV/UI/Home#crm/detail/=/${api}/${enc(ref.id)}` : null;
}

export function parseFxiaokeUrl(url: URL): PageInfo {
  if (!FX_SHELL.test(url.pathname)) return { kind: 'other' };
  const detail = FX_DETAIL.exec(url.hash);
  if (detail) {
    const type = objectType(detail[1]!);
    // Ids are Mongo-style hex; stored lower case (the form Fxiaoke writes into its own hashes).
    return type ? { kind: 'record', objectType: type, recordId: detail[2]!.toLowerCase() } : { kind: 'other' };
  }
  const list = FX_LIST.exec(url.hash);
  if (list) {
    const type = objectType(list[1]!);
    return type ? { kind: 'list', objectType: type } : { kind: 'other' };
  }
  return { kind: 'other' };
}
