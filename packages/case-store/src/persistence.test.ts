import { expect } from '@open-wc/testing';
import { persistenceMessage, requestPersistence, storageEstimate } from './persistence.js';

describe('persistent storage', () => {
  it('asks the browser and reports what it granted, matching navigator.storage.persisted()', async () => {
    // Firefox shows a permission prompt nobody answers here: the timeout says "not granted (yet)".
    const result = await requestPersistence({ timeoutMs: 500 });
    if (!navigator.storage?.persist) {
      expect(result).to.equal('unsupported'); // WebKitGTK here has no StorageManager
      return;
    }
    expect(['persisted', 'prompt-denied']).to.include(result);
    expect(await navigator.storage.persisted()).to.equal(result === 'persisted');
    expect(await requestPersistence({ timeoutMs: 500 })).to.equal(result); // asking again gives the same answer
  });

  it('has a message for each result in vi and en', () => {
    for (const result of ['persisted', 'prompt-denied', 'unsupported'] as const) {
      const { vi, en } = persistenceMessage(result);
      expect(vi).to.be.a('string').and.not.equal(en);
      expect(en.length).to.be.greaterThan(20);
    }
  });

  it('estimates usage and quota in bytes', async () => {
    const estimate = await storageEstimate();
    if (!navigator.storage?.estimate) return expect(estimate).to.equal(undefined);
    expect(estimate?.quota).to.be.greaterThan(0);
    expect(estimate?.usage).to.be.at.least(0);
  });
});
