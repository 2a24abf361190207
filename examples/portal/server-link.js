// Server mode of the demo portal (`pnpm start --server`): what a provincial portal does to connect hoso to its
// back end. The static server says whether a hoso server stands behind `/api/hoso/` (`GET /api/portal/config`)
// and signs a development token per role (`GET /api/portal/session`), standing in for the portal's login.
//
// - Every event a person applies in <hoso-procedure> is queued in the outbox of @hoso/case-store (`OutboxSender`,
//   kept in IndexedDB before any request, one idempotency key per event) and sent with `createHttpAdapter`, as the
//   user who acted (each event goes with the token of its own role, whoever is signed in when it leaves).
// - Cases of the commune on the server are pulled by cursor (`load`) and stored at the server's revision
//   (`store.putRemoteCase`), so the case list shows what other devices sent. A case with events still waiting
//   here is left as it is: the outbox sends them first.
// - Conflicts (docs/decisions/0008-sync-conflicts.md): the server refuses a stale event with 409 and its own case
//   (never merged); the outbox's `keepAsDraft` policy adopts that case and keeps what was typed as a draft of the
//   step, and `conflict` events tell the page, which says so (role=alert) and links to the case.
// - `status` events carry the outbox counts, how many items this page sent, and the last refusal, for the page's
//   status line.

/** @typedef {{ mode: 'server', api: string, database: string, where?: string, server: string }} ServerConfig */

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
   * @param {{ store: any, config: ServerConfig, commune: string, outbox: any, hoso: any }} o `outbox`: the outbox
   *   API of @hoso/case-store (OutboxSender, createHttpAdapter, outboxErrorMessage, keepAsDraft), from the elements
   *   bundle's `loadOutbox()`; `hoso`: the elements bundle, which loads procedures (builtinProcedures), for the form
   *   of a refused event.
   */
  constructor({ store, config, commune, outbox, hoso }) {
    super();
    this.store = store;
    this.config = config;
    this.commune = commune;
    this.outbox = outbox;
    this.hoso = hoso;
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
      onConflict: outbox.keepAsDraft({
        store,
        formOf: (submission) => this.#formOf(submission),
        fetchCase: async (id) =>
          (await this.#adapter('commune-officer').load({ communeCode: commune })).cases.find((c) => c.id === id),
      }),
    });
    this.sender.addEventListener('conflict', (e) => {
      const { item, resolution } = e.detail;
      this.dispatchEvent(
        new CustomEvent('conflict', {
          detail: { caseId: resolution.caseId, procedure: item.payload.procedure, drafts: resolution.drafts },
        }),
      );
      this.#announce();
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

  /** Opens the link: starts sending and pulls the commune's cases (then every `everyMs`). `hoso`: the bundle. */
  static async open({ store, config, commune, hoso, everyMs = 30_000 }) {
    // The outbox is its own chunk of the bundle: only a portal in server mode loads it.
    const outbox = await hoso.loadOutbox();
    const link = new ServerLink({ store, config, commune, outbox, hoso });
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

  /** The form a refused event was typed in (its machine's `meta.events.<TYPE>.form`) and that form's version. */
  async #formOf(submission) {
    const loaded = await this.hoso.builtinProcedures(submission.procedure);
    // Each state lists its events in `meta.events`, with the form they are typed in.
    const find = (node) => {
      if (!node || typeof node !== 'object') return undefined;
      const form = node.events?.[submission.event.type]?.form;
      if (typeof form === 'string') return form;
      for (const child of Object.values(node)) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const form = find(loaded.module.machine);
    if (!form) return undefined;
    const module = await loaded.form(form);
    return { form, formVersion: String(module.version ?? 1) };
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

  /** Stores a server case here at the server's revision when it is newer and nothing of it waits in the outbox. */
  async #adopt(serverCase) {
    return (await this.store.putRemoteCase(serverCase)) === 'written';
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
