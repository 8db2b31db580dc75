// The questionnaire's autosave queue (pure, no browser): local persistence, batching, retries, conflicts.
import { describe, expect, it } from 'vitest';
import { AutosaveQueue, itemOfDetail, type Change, type KeyValueStore, type SaveResult, type Timers, type TransportError } from '../../src/web/features/questionnaire/autosave.js';
import { AnswerStore, isVisible, parseNumber, sectionProgress, toggleMulti, buildSections, indexItems } from '../../src/web/features/questionnaire/model.js';
import type { Framework } from '../../src/engine/framework/types.js';

class MemoryStorage implements KeyValueStore {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

/** Timers run only when the test says so. */
class ManualTimers implements Timers {
  private seq = 0;
  tasks = new Map<number, { fn: () => void; ms: number }>();
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.seq;
    this.tasks.set(id, { fn, ms });
    return id;
  }
  clearTimeout(h: unknown) {
    this.tasks.delete(h as number);
  }
  get delays() {
    return [...this.tasks.values()].map((t) => t.ms);
  }
  async runAll() {
    const tasks = [...this.tasks.values()];
    this.tasks.clear();
    for (const t of tasks) t.fn();
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** A fake server: versioned answers, idempotent requestIds, and a switch to be unreachable. */
class FakeServer {
  answers = new Map<string, { value: unknown; version: number }>();
  applied = new Set<string>();
  offline = false;
  calls: Change[][] = [];
  async send(changes: Change[]): Promise<SaveResult[]> {
    this.calls.push(changes.map((c) => ({ ...c })));
    if (this.offline) throw { status: 0, code: 'NETWORK' } satisfies TransportError;
    return changes.map((c) => {
      const cur = this.answers.get(c.item);
      const version = cur?.version ?? 0;
      if (this.applied.has(c.requestId)) return { item: c.item, status: 'saved', version, updatedAt: 't' };
      if (c.baseVersion !== version) {
        return { item: c.item, status: 'conflict', current: { value: cur?.value ?? null, version, updatedAt: 't', updatedByName: 'อีกคน' } } as SaveResult;
      }
      this.applied.add(c.requestId);
      this.answers.set(c.item, { value: c.value, version: version + 1 });
      return { item: c.item, status: 'saved', version: version + 1, updatedAt: 't' };
    });
  }
}

let ids = 0;
function setup(server = new FakeServer(), storage = new MemoryStorage()) {
  const timers = new ManualTimers();
  const saved: string[] = [];
  const q = new AutosaveQueue({
    storageKey: 'k',
    storage,
    transport: server,
    timers,
    newId: () => `req-${++ids}`,
    random: () => 0.5,
    onSaved: (item) => saved.push(item),
  });
  q.start();
  return { q, timers, server, storage, saved };
}

describe('autosave queue', () => {
  it('keeps a change in storage until the server confirms it, and batches changes', async () => {
    const { q, timers, server, storage } = setup();
    q.enqueue('A1', true);
    q.enqueue('A2', 'opt2');
    q.enqueue('A2', 'opt3');
    expect(JSON.parse(storage.getItem('k')!).pending).toHaveLength(2);
    expect(q.getSnapshot().status).toBe('saving');
    await timers.runAll();
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.map((c) => [c.item, c.value])).toEqual([
      ['A1', true],
      ['A2', 'opt3'],
    ]);
    expect(storage.getItem('k')).toBeNull();
    expect(q.getSnapshot().status).toBe('saved');
    expect(q.knownVersion('A2')).toBe(1);
  });

  it('goes offline, retries the same batch with backoff, and saves when the server is back', async () => {
    const { q, timers, server, storage } = setup();
    server.offline = true;
    q.enqueue('A1', 5);
    await timers.runAll();
    expect(q.getSnapshot().status).toBe('offline');
    expect(timers.delays).toEqual([1000]);
    await timers.runAll();
    expect(timers.delays).toEqual([2000]);
    q.enqueue('A1', 6); // typed again while offline: waits behind the in-flight batch
    expect(storage.getItem('k')).toContain('"value":6');
    server.offline = false;
    await timers.runAll();
    await timers.runAll();
    const sent = server.calls.map((b) => b.map((c) => `${c.requestId}:${c.value}@${c.baseVersion}`).join());
    expect(new Set(sent.slice(0, 3)).size).toBe(1); // the same request retried
    expect(server.answers.get('A1')).toEqual({ value: 6, version: 2 });
    expect(q.getSnapshot().status).toBe('saved');
    expect(storage.getItem('k')).toBeNull();
  });

  it('re-applies local changes after a reload and sends them without conflicting with its own lost write', async () => {
    const server = new FakeServer();
    const storage = new MemoryStorage();
    const first = setup(server, storage);
    // The server applies the write but the answer is lost.
    const realSend = server.send.bind(server);
    server.send = async (c) => {
      await realSend(c);
      throw { status: 0, code: 'NETWORK' };
    };
    first.q.enqueue('B1', 'ข้อความ');
    await first.timers.runAll();
    first.q.enqueue('B1', 'ข้อความใหม่');
    first.q.dispose();
    server.send = realSend;

    const second = setup(server, storage);
    const local = second.q.load({ B1: 1 });
    expect(local.map((c) => c.value)).toEqual(['ข้อความ', 'ข้อความใหม่']);
    second.q.start();
    await second.timers.runAll();
    await second.timers.runAll();
    expect(second.q.getSnapshot().conflicts).toEqual([]);
    expect(server.answers.get('B1')).toEqual({ value: 'ข้อความใหม่', version: 2 });
    expect(storage.getItem('k')).toBeNull();
  });

  it('reports a conflict, keeps mine on request with the new base version, or takes the server answer', async () => {
    const server = new FakeServer();
    server.answers.set('C1', { value: 'x', version: 3 });
    server.answers.set('C2', { value: 'y', version: 1 });
    const taken: string[] = [];
    const { q, timers } = setup(server);
    const q2 = new AutosaveQueue({ storageKey: 'k2', storage: null, transport: server, timers, onTakeServer: (item) => taken.push(item) });
    q.load({ C1: 2 });
    q.enqueue('C1', 'mine');
    await timers.runAll();
    const c = q.getSnapshot().conflicts[0]!;
    expect(c).toMatchObject({ item: 'C1', mine: 'mine', server: { value: 'x', version: 3 } });
    q.resolveConflict('C1', 'mine');
    await timers.runAll();
    expect(server.answers.get('C1')).toEqual({ value: 'mine', version: 4 });
    expect(q.getSnapshot().conflicts).toEqual([]);

    q2.start();
    q2.enqueue('C2', 'other');
    await timers.runAll();
    expect(q2.getSnapshot().conflicts).toHaveLength(1);
    q2.resolveConflict('C2', 'theirs');
    expect(taken).toEqual(['C2']);
    expect(server.answers.get('C2')).toEqual({ value: 'y', version: 1 });
  });

  it('drops only the refused change on a validation error and sends the rest', async () => {
    const server = new FakeServer();
    let first = true;
    const realSend = server.send.bind(server);
    server.send = async (c) => {
      if (first) {
        first = false;
        throw { status: 400, code: 'VALIDATION_FAILED', details: [{ path: 'changes/1/value', th: 'เกินช่วง', en: 'out of range' }] };
      }
      return realSend(c);
    };
    const { q, timers } = setup(server);
    q.enqueue('D1', 1);
    q.enqueue('D2', 999);
    await timers.runAll();
    await timers.runAll();
    expect(server.answers.get('D1')?.value).toBe(1);
    expect(server.answers.has('D2')).toBe(false);
    expect(q.getSnapshot().rejections).toEqual([{ item: 'D2', th: 'เกินช่วง', en: 'out of range' }]);
  });

  it('stops and keeps the changes when the survey no longer accepts answers', async () => {
    const server = new FakeServer();
    server.send = async () => {
      throw { status: 409, code: 'STATE_FORBIDS' };
    };
    const { q, timers, storage } = setup(server);
    q.enqueue('E1', true);
    await timers.runAll();
    expect(q.getSnapshot().status).toBe('locked');
    expect(storage.getItem('k')).toContain('E1');
  });

  it('finds the item a validation detail names', () => {
    const batch = [{ item: 'P1.01', value: 1, baseVersion: 0, requestId: 'a' }];
    expect(itemOfDetail('/changes/0/value', batch)).toBe('P1.01');
    expect(itemOfDetail('P1.01', batch)).toBe('P1.01');
    expect(itemOfDetail('other', batch)).toBeNull();
  });
});

const fw = {
  id: 't',
  version: '1',
  title: { th: 'ท', en: 't' },
  scale: '0-100',
  missing: { rule: 'zero' },
  aggregation: { items: { method: 'arithmetic' }, dimensions: { method: 'arithmetic' } },
  stages: [],
  peerGroups: [],
  dimensions: [
    {
      code: 'D1',
      name: { th: 'มิติ 1', en: 'D1' },
      items: [
        { code: 'Q1', kind: 'yes_no', text: { th: 'มีแผนไหม', en: 'Plan?' } },
        { code: 'Q2', kind: 'number', text: { th: 'จำนวน', en: 'How many' }, min: 0, max: 100, integer: true, visibleIf: { item: 'Q1', equals: true }, scoring: { type: 'goalposts', low: 0, high: 100 } },
        { code: 'Q3', kind: 'text', text: { th: 'อธิบาย', en: 'Explain' } },
        { code: 'Q4', kind: 'indicator', text: { th: 'ตัวชี้วัด', en: 'Indicator' } },
      ],
    },
  ],
} as unknown as Framework;

describe('questionnaire model', () => {
  it('counts only visible required items, follows visibleIf and skips indicators', () => {
    const [dim] = buildSections(fw);
    const section = dim!.sections[0]!;
    expect(section.items.map((i) => i.code)).toEqual(['Q1', 'Q2', 'Q3']);
    const store = new AnswerStore();
    const by = indexItems(fw);
    expect(sectionProgress(section, store.get, by)).toEqual({ answered: 0, total: 1 });
    store.set('Q1', true);
    expect(isVisible(by.get('Q2')!, store.get, by)).toBe(true);
    expect(sectionProgress(section, store.get, by)).toEqual({ answered: 1, total: 2 });
  });

  it('parses numbers with Thai digits and separators and checks the range', () => {
    expect(parseNumber('๑,๒๐๐', {}).value).toBe(1200);
    expect(parseNumber('1.5', { integer: true }).error?.key).toBe('number.integer');
    expect(parseNumber('101', { max: 100 }).error?.key).toBe('number.max');
    expect(parseNumber('abc', {}).error?.key).toBe('number.invalid');
    expect(parseNumber('', {}).value).toBeNull();
  });

  it('makes "none" exclusive in multiple choice', () => {
    expect(toggleMulti(['a', 'b'], 'none', true)).toEqual(['none']);
    expect(toggleMulti(['none'], 'a', true)).toEqual(['a']);
    expect(toggleMulti(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
