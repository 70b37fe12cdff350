/**
 * The six story customers' scripted histories (stories.ts): each story's data is built so its
 * scores tell that story — a loyal key account, a big account going quiet, a complainer, a new
 * customer, a key account that runs through one person, and an account that costs more than it
 * brings. Notes and roles are in the book's language (texts.ts).
 */
import { addDays } from '../clock';
import type { Contact } from '../schemas/domain';
import { CHANNELS, CRM_IDS, type Channel, type Sentiment } from '../schemas/enums';
import { YEARS, type BookBuilder } from './book-builder';
import type { Story } from './stories';

export function storyCustomer(b: BookBuilder, s: Story): void {
  const { rng, asOf, texts } = b;
  const say = texts.stories;
  const role = say.roles;
  const ago = (days: number): string => addDays(asOf, -days);
  const zh = /[\u4e00-\u9fff]/.test(s.name);
  b.book.customers.push({
    id: s.customerId,
    name: s.name,
    domain: s.domain,
    emails: [],
    segment: texts.keyAccounts,
    owner: zh ? '李娜' : 'Alex Kim',
    createdAt: ago(s.story === 'new-customer' ? 25 : YEARS * 365),
    crmRefs: CRM_IDS.map((crm) => ({ crm, objectType: 'account' as const, id: s.crmIds[crm] })),
  });
  const c = (name: string, role: string, dm: boolean): Contact => b.contact(s.customerId, name, role, dm, s.domain);
  const touch = (days: number, sentiment: Sentiment, who: Contact, summary: string, channel: Channel = rng.pick(CHANNELS)): void =>
    b.interaction(s.customerId, ago(days), channel, sentiment, summary, { contact: who.name, contactIsDecisionMaker: who.isDecisionMaker });
  const buyEvery = (from: number, to: number, every: number, amount: number): void => {
    for (let d = from; d >= to; d -= Math.max(5, Math.round(rng.normal(every, every * 0.15))))
      b.purchase(s.customerId, ago(d), amount * rng.lognormal(0, 0.2), rng.pick(texts.products));
  };

  switch (s.story) {
    case 'loyal-key-account': {
      const ceo = c('Margaret Chen', role.ceo, true);
      const ops = c('Tom Baker', role.vpOps, true);
      const buyer = c('Lucy Ward', role.buyer, false);
      buyEvery(YEARS * 365, 6, 21, 28_000);
      for (let d = YEARS * 365; d >= 3; d -= rng.int(7, 12))
        touch(d, rng.chance(0.8) ? 'positive' : 'neutral', rng.pick([ceo, ops, buyer]), rng.pick(texts.notes.positive));
      b.feedback(s.customerId, ago(40), 'nps', 10);
      b.feedback(s.customerId, ago(15), 'csat', 5);
      break;
    }
    case 'big-account-going-quiet': {
      const vp = c('Robert Hale', role.vpProcurement, true);
      const pm = c('Nina Ortiz', role.projectLead, false);
      buyEvery(YEARS * 365, 150, 25, 36_000);
      for (let d = YEARS * 365; d >= 95; d -= d > 270 ? rng.int(10, 16) : rng.int(30, 50))
        touch(
          d,
          d > 200 ? 'positive' : rng.pick(['neutral', 'negative'] as const),
          rng.pick([vp, pm]),
          d > 200 ? rng.pick(texts.notes.positive) : say.competitor,
        );
      b.feedback(s.customerId, ago(120), 'nps', 6);
      break;
    }
    case 'complainer': {
      const cto = c('Bill Lumbergh', role.cto, true);
      const it = c('Peter Gibbons', role.itManager, false);
      buyEvery(2 * 365, 12, 35, 4_200);
      for (let d = 2 * 365; d >= 75; d -= rng.int(14, 24))
        touch(d, rng.pick(['neutral', 'positive'] as const), rng.pick([cto, it]), rng.pick(texts.notes.neutral));
      touch(40, 'negative', it, say.invoiceDispute, 'email');
      touch(21, 'negative', it, say.outage, 'call');
      touch(8, 'negative', cto, say.escalated, 'meeting');
      touch(3, 'negative', it, say.serviceCredit, 'email');
      b.feedback(s.customerId, ago(40), 'complaint', undefined, say.billedTwice);
      b.feedback(s.customerId, ago(20), 'complaint', undefined, say.outage);
      b.feedback(s.customerId, ago(9), 'complaint', undefined, say.secondEscalation);
      b.feedback(s.customerId, ago(10), 'nps', 2);
      b.feedback(s.customerId, ago(10), 'csat', 1);
      break;
    }
    case 'new-customer': {
      const coo = c('Alice Abernathy', role.coo, true);
      b.purchase(s.customerId, ago(20), 3_000, texts.products[0]);
      touch(24, 'positive', coo, say.signed, 'meeting');
      touch(6, 'positive', coo, say.kickOff, 'call');
      break;
    }
    case 'single-threaded-key-account': {
      // Everything goes through one person: if 王芳 leaves, the relationship leaves with her.
      const wang = c('王芳', role.procurementDirector, true);
      buyEvery(YEARS * 365, 10, 32, 4_500);
      for (let d = YEARS * 365; d >= 55; d -= rng.int(18, 30)) touch(d, rng.chance(0.3) ? 'positive' : 'neutral', wang, rng.pick(say.singleThreaded));
      b.feedback(s.customerId, ago(60), 'csat', 4);
      break;
    }
    case 'negative-value': {
      const fin = c('Howard Stark', role.cfo, true);
      for (const [d, amount] of [
        [400, 4_000],
        [300, 3_500],
        [200, 3_000],
        [120, 2_500],
        [60, 2_000],
      ] as const) {
        b.purchase(s.customerId, ago(d), amount, texts.products[4]);
        b.purchase(s.customerId, ago(d - 10), -amount * 1.4, texts.products[4]);
      }
      for (let d = 400; d >= 30; d -= rng.int(25, 45)) touch(d, 'negative', fin, say.returned, 'email');
      touch(25, 'negative', fin, say.restockingFee, 'call');
      b.feedback(s.customerId, ago(25), 'nps', 4);
      break;
    }
  }
}
