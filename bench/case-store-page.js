// The case-store benchmark page (scripts/bench.mjs bundles it with esbuild and drives it): saves of a draft whose
// data has 300 fields, through the real store (one readwrite transaction with the revision check), timed with
// performance.now() from the call until the promise resolves (the transaction has committed).
import { openCaseStore } from '../packages/case-store/src/index.ts';

/** 300 fields in 30 groups, shaped like the W1 form's data: text, numbers, booleans, dates, choices. */
export function draftData(seed = 0) {
  const data = {};
  for (let g = 0; g < 30; g += 1) {
    const group = {};
    for (let f = 0; f < 10; f += 1) {
      const kind = f % 5;
      group[`f${f}`] =
        kind === 0
          ? `Nguyễn Văn An ${g}-${f} số nhà ${seed + f} đường Lê Lợi, phường Bến Thành`
          : kind === 1
            ? seed * 31 + g * 10 + f
            : kind === 2
              ? (g + f + seed) % 2 === 0
              : kind === 3
                ? `2026-${String((f % 12) + 1).padStart(2, '0')}-${String((g % 28) + 1).padStart(2, '0')}`
                : ['kinh', 'tay', 'thai', 'muong'][(g + f) % 4];
    }
    data[`g${g}`] = group;
  }
  return data;
}

const fieldCount = (data) => Object.values(data).reduce((n, group) => n + Object.keys(group).length, 0);

window.hosoStoreBench = {
  ready: true,
  /** `n` timed saves after `warmup` untimed ones; each changes one field, like an autosave after a keystroke. */
  async saves({ n, warmup }) {
    const name = `bench-${crypto.randomUUID()}`;
    const store = await openCaseStore({ name });
    const data = draftData();
    let draft = {
      id: 'bench-case/registration',
      caseId: 'bench-case',
      procedure: 'voluntary-rehab',
      form: 'voluntary-rehab/registration',
      formVersion: '1',
      step: 0,
      data,
      rev: 0,
      updatedAt: new Date().toISOString(),
    };
    const times = [];
    try {
      for (let i = 0; i < n + warmup; i += 1) {
        data[`g${i % 30}`].f0 = `Nguyễn Văn An, sửa lần ${i}`;
        const t0 = performance.now();
        draft = await store.saveDraft({ ...draft, data }, { expectedRev: draft.rev });
        const ms = performance.now() - t0;
        if (i >= warmup) times.push(ms);
      }
      const back = await store.getDraft(draft.id);
      if (back?.rev !== n + warmup || fieldCount(back.data) !== 300)
        throw new Error('the saved draft is not what was written');
      return { times, fields: fieldCount(data), bytes: JSON.stringify(draft).length };
    } finally {
      store.close();
      await new Promise((resolve) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = req.onerror = req.onblocked = resolve;
      });
    }
  },
};
