// Server mode of the demo portal (`pnpm start --server`): what a provincial portal does to connect hoso to its
// back end. The static server says whether a hoso server stands behind `/api/hoso/` (`GET /api/portal/config`)
// and signs a development token per role (`GET /api/portal/session`), standing in for the portal's login.
//
// - Every event a person applies in <hoso-procedure> is queued in the outbox of @hoso/case-store (`OutboxSender`,
//   kept in IndexedDB before any request, one idempotency key per event) and sent with `createHttpAdapter`, as the
//   user who acted (each event goes with the token of its own role, whoever is signed in when it leaves).
// - Cases of the commune on the server are pulled by cursor (`load`) and written to the browser's store, so the
//   case list shows what other devices sent. A case with events still waiting here is left as it is: the outbox
//   sends them, and the server refuses a stale one with 409 (never merged).
// - `status` events carry the outbox counts, how many items this page sent, and the last refusal, for the page's
//   status line.

/** @typedef {{ mode: 'server', api: string, database: string, where?: string, server: string }} ServerConfig */

const OUTBOX = '../../packages/case-store/dist/outbox/index.js';

/** The server mode's config, or undefined when the portal runs in the browser only. */
export async function detectServer() {
  try {
    const res = await fetch('/api/portal/config', { headers: { Accept: 'application/json' } });
    if (!res.ok) return undefined;
    const config = await res.json();
    return config?.mode === 'server' ? /** @type {ServerConfig} */ (config) : undefined;
  } catch {
    return undefined;
  }
}

export class ServerLink extends EventTarget {
  /**
   * @param {{ store: any, config: ServerConfig, commune: string, outbox: any }} o `outbox`: the module of
   *   @hoso/case-store's outbox (OutboxSender, createHttpAdapter, outboxErrorMessage).
   */
  constructor({ store, config, commune, outbox }) {
    super();
    this.store = store;
    this.config = config;
    this.commune = commune;
    this.outbox = outbox;
    /** @type {Map<string, Promise<string>>} role → token */
    this.tokens = new Map();
    /** @type {Map<string, any>} role → adapter */
    this.adapters = new Map();
    this.cursorKey = `hoso-portal:cursor:${config.where ?? config.server}:${commune}`;
    this.lastProblem = undefined;
    this.pulling = undefined;
    const adapterOf = (roles) => this.#adapter(roles?.[0] ?? 'commune-officer');
    this.sender = new outbox.OutboxSender({
      store,
      adapter: {
        submit: (s, o) => adapterOf(s.event.by.roles).submit(s, o),
        upload: (a, o) => adapterOf(undefined).upload(a, o),
        load: (q, o) => adapterOf(undefined).load(q, o),
      },
    });
    this.sender.addEventListener('change', () => this.#announce());
    this.sender.addEventListener('failed', (e) => {
      this.lastProblem = outbox.outboxErrorMessage(e.detail.item);
      this.#announce();
    });
    this.sent = 0;
    this.sender.addEventListener('sent', () => {
      this.sent++;
      this.lastProblem = undefined;
      this.#announce();
    });
  }

  /** Opens the link: starts sending and pulls the commune's cases (then every `everyMs`). */
  static async open({ store, config, commune, everyMs = 30_000 }) {
    const outbox = await import(OUTBOX);
    const link = new ServerLink({ store, config, commune, outbox });
    link.sender.start();
    void link.pull();
    link.timer = setInterval(() => void link.pull(), everyMs);
    return link;
  }

  /** The token of a role (from the portal's development login), cached for its life. */
  token(role) {
    let t = this.tokens.get(role);
    if (!t) {
      const query = new URLSearchParams({ role, commune: this.commune });
      t = fetch(`/api/portal/session?${query}`, { headers: { Accept: 'application/json' } }).then(async (res) => {
        if (!res.ok) throw new Error(`sign-in for ${role}: HTTP ${res.status}`);
        return (await res.json()).token;
      });
      t.catch(() => this.tokens.delete(role));
      this.tokens.set(role, t);
    }
    return t;
  }

  #adapter(role) {
    let a = this.adapters.get(role);
    if (!a) {
      a = this.outbox.createHttpAdapter({
        baseUrl: new URL(this.config.api, location.href).href,
        headers: async () => ({ Authorization: `Bearer ${await this.token(role)}` }),
      });
      this.adapters.set(role, a);
    }
    return a;
  }

  /** What `<hoso-procedure>` gets as `outbox`: the sender, with the case after the event added to the submission. */
  queueFor() {
    return {
      queue: async (submission) => {
        const after = await this.store.getCase(submission.caseId);
        return this.sender.queue({ ...submission, ...(after ? { case: after } : {}) });
      },
    };
  }

  /** Sends every failed item again now. */
  async retryAll() {
    const items = await this.sender.items();
    this.lastProblem = undefined;
    for (const item of items.filter((i) => i.status === 'failed')) await this.sender.retry(item.id);
    this.#announce();
  }

  /** Pulls the cases changed on the server since the last pull; resolves how many were written here. */
  pull() {
    this.pulling ??= this.#pull().finally(() => (this.pulling = undefined));
    return this.pulling;
  }

  async #pull() {
    let written = 0;
    try {
      for (let page = 0; page < 50; page++) {
        const since = localStorage.getItem(this.cursorKey) ?? undefined;
        const { cases, cursor } = await this.#adapter('commune-officer').load({
          communeCode: this.commune,
          ...(since ? { since } : {}),
        });
        for (const c of cases) if (await this.#adopt(c)) written++;
        localStorage.setItem(this.cursorKey, cursor);
        if (cases.length === 0 || cursor === since) break;
      }
      this.pullProblem = undefined;
    } catch (e) {
      this.pullProblem = String(e?.message ?? e);
    }
    this.#announce();
    return written;
  }

  /** Writes a server case here when it is newer and nothing of it waits in the outbox. */
  async #adopt(serverCase) {
    const local = await this.store.getCase(serverCase.id);
    const have = local?.rev ?? 0;
    if (serverCase.rev <= have) return false;
    const waiting = (await this.store.outbox.list({ caseId: serverCase.id })).some((i) => i.status !== 'sent');
    if (waiting) return false;
    // The store counts one revision per write (as the procedure counts one per event): step up to the server's.
    for (let rev = have; rev < serverCase.rev; rev++) await this.store.putCase(serverCase, { expectedRev: rev });
    return true;
  }

  #announce() {
    const { pending, sending, failed } = this.sender.counts;
    this.dispatchEvent(
      new CustomEvent('status', {
        detail: { pending, sending, failed, sent: this.sent, problem: this.lastProblem, pullProblem: this.pullProblem },
      }),
    );
  }

  close() {
    clearInterval(this.timer);
    this.sender.stop();
  }
}
