// The entry's loaders: importing @hoso/elements registers <hoso-procedure> only; each loader brings its element (and
// API) from its own module, registers it, and an element put on the page before upgrades keeping its properties.
import { expect, fixture, html } from '@open-wc/testing';
import * as hoso from './index.js';

describe('@hoso/elements loaders', () => {
  it('the entry registers <hoso-procedure> and leaves the other elements to their loaders', () => {
    expect(customElements.get('hoso-procedure')).to.equal(hoso.HosoProcedure);
    for (const tag of ['hoso-case-list', 'hoso-case-timeline', 'hoso-document', 'hoso-report'])
      expect(customElements.get(tag), tag).to.equal(undefined);
    // The values the loaders carry are not exports of the entry any more.
    for (const name of ['OutboxSender', 'createHttpAdapter', 'fillDocument', 'checkTemplate', 'HosoCaseList', 'fold'])
      expect(name in hoso, name).to.equal(false);
  });

  it('loadCaseList() upgrades a <hoso-case-list> already on the page, keeping the properties set before', async () => {
    const el = await fixture<HTMLElement & { pageSize: number }>(html`<hoso-case-list></hoso-case-list>`);
    el.pageSize = 7; // set while <hoso-case-list> is not defined yet
    expect(el.shadowRoot).to.equal(null);
    const api = await hoso.loadCaseList();
    expect(customElements.get('hoso-case-list')).to.equal(api.HosoCaseList);
    expect(el).to.be.instanceOf(api.HosoCaseList);
    await (el as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    expect(el.pageSize).to.equal(7);
    expect(el.shadowRoot).to.not.equal(null);
    // Its pieces come with it: accent-folding search.
    expect(api.fold('Nguyễn Văn Đức')).to.equal(api.fold('nguyen van duc'));
    expect(await hoso.loadCaseList()).to.equal(api); // the same module every time
  });

  it('loadCaseTimeline() registers <hoso-case-timeline> and returns its read model', async () => {
    const api = await hoso.loadCaseTimeline();
    expect(customElements.get('hoso-case-timeline')).to.equal(api.HosoCaseTimeline);
    expect(api.timeline).to.be.a('function');
  });

  it('loadDocument() registers <hoso-document> and returns the template helpers', async () => {
    const api = await hoso.loadDocument();
    expect(customElements.get('hoso-document')).to.equal(api.HosoDocument);
    expect(api.builtinTemplateIds()).to.include('voluntary-rehab/decision');
    const decision = await api.builtinTemplates('voluntary-rehab', 'decision');
    expect(decision.id).to.equal('decision');
    expect(() => api.checkTemplate({ id: 'x' }, 'broken.json')).to.throw(api.TemplateFormatError, /broken\.json/);
  });

  it('loadOutbox() returns the outbox of @hoso/case-store', async () => {
    const api = await hoso.loadOutbox();
    expect(api.OutboxSender).to.be.a('function');
    expect(() => api.keepAsDraft({} as never)).to.throw(TypeError, /keepAsDraft/);
    expect(() => api.createHttpAdapter({ baseUrl: 'api/hoso' })).to.throw(TypeError);
    const adapter = api.createHttpAdapter({ baseUrl: new URL('/api/hoso', location.href).href });
    expect(adapter.submit).to.be.a('function');
    expect(api.outboxErrorMessage({ lastError: 'offline', status: 'pending' } as never)).to.not.equal(undefined);
  });
});
