/**
 * Restoring a backup through the background, which validates it and replaces the data in one
 * transaction: the file's text goes over the restore port in parts, the background answers the
 * plan (rows per table now and after), and restores on confirmation. If the port drops before
 * the restore ran, nothing was changed.
 */
import { CodedError } from '../../lib/messaging/errors';
import { RESTORE_PORT, type RestoreRequest, type RestoreResults } from '../../lib/messaging/ports';
import { PortClient, type PortClientOptions } from './port-client';

/** Characters per message (runtime messages are JSON; each stays far below their size limit). */
const PART = 4 << 20;

export class RestoreClient {
  private readonly client: PortClient;
  private readonly partSize: number;

  constructor(opts: { connect?: PortClientOptions['connect']; partSize?: number } = {}) {
    this.client = new PortClient({ name: RESTORE_PORT, interrupted: { code: 'restore.interrupted' }, retries: 0, connect: opts.connect });
    this.partSize = opts.partSize ?? PART;
  }

  private async ask<K extends RestoreRequest['op']>(request: Extract<RestoreRequest, { op: K }>): Promise<RestoreResults[K]> {
    const reply = await this.client.request(request);
    if (!reply.ok) throw CodedError.of(reply.error);
    return reply.result as RestoreResults[K];
  }

  /** Send the backup and get what restoring it would change; throws the background's CodedError when it is refused. */
  async plan(file: Blob): Promise<RestoreResults['plan']> {
    const text = await file.text();
    const size = this.partSize;
    const parts = Math.max(1, Math.ceil(text.length / size));
    for (let i = 0; i < parts; i++) await this.ask({ op: 'part', index: i, text: text.slice(i * size, (i + 1) * size) });
    return this.ask({ op: 'plan', parts });
  }

  restore(): Promise<RestoreResults['restore']> {
    return this.ask({ op: 'restore' });
  }

  close(): void {
    this.client.close();
  }
}
