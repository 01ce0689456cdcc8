import assert from 'node:assert/strict';
import { monthSeries, nextMonth } from '../../webviews/money/charts/monthSeries';
import { draftItem, EMPTY_DRAFT, parseAmount } from '../../webviews/money/entryDraft';
import { paybackText, roiText } from '../../webviews/money/format';
import { applyMessage, INITIAL_STATE, isMoneyState, picked, restored, type MoneyState } from '../../webviews/money/moneyState';
import { isMoneyCommand, isMoneyMessage } from '../../webviews/money/protocol';
import { BLOG, SHOP, shopView, view } from './harness/moneyFixtures';

const figures = shopView().figures;

describe('Money dashboard page logic (pure, no browser)', () => {
  describe('numbers typed by the user', () => {
    it('takes digits with one decimal point (or comma) up to the bound, and says what to type otherwise', () => {
      assert.equal(parseAmount(' 12.50 ', 100, 'The amount'), 12.5);
      assert.equal(parseAmount('12,5', 100, 'The amount'), 12.5);
      assert.equal(parseAmount('0', 100, 'The amount'), 0);
      for (const bad of ['', '-5', '1e3', '12abc', '1,000.5', 'Infinity', 'NaN', '101']) {
        assert.equal(parseAmount(bad, 100, 'The amount'), 'The amount must be a number from 0 to 100, like 12 or 12.50.', bad);
      }
    });

    it('checks an entry field by field, dating it today unless another day was picked', () => {
      assert.deepEqual(draftItem({ ...EMPTY_DRAFT, name: ' Domain ', amount: '12' }, '2025-03-04'), { item: { name: 'Domain', amount: 12, kind: 'monthly', since: '2025-03-04' } });
      assert.deepEqual(draftItem({ ...EMPTY_DRAFT, name: 'Domain', amount: '12', since: '2024-01-15', kind: 'one-off' }, '2025-03-04'), { item: { name: 'Domain', amount: 12, kind: 'one-off', since: '2024-01-15' } });
      assert.equal((draftItem({ ...EMPTY_DRAFT, name: '  ', amount: '12' }, '2025-03-04') as { field: string }).field, 'name');
      assert.equal((draftItem({ ...EMPTY_DRAFT, name: 'x'.repeat(201), amount: '12' }, '2025-03-04') as { field: string }).field, 'name');
      assert.equal((draftItem({ ...EMPTY_DRAFT, name: 'Domain', amount: '2000000000' }, '2025-03-04') as { field: string }).field, 'amount');
      assert.equal((draftItem({ ...EMPTY_DRAFT, name: 'Domain', amount: '1', since: '2024-02-30' }, '2025-03-04') as { field: string }).field, 'since');
    });
  });

  describe('hours by month', () => {
    it('fills the months without commits with 0 hours, between the first and the last', () => {
      const s = monthSeries([{ month: '2023-11', hours: 2 }, { month: '2024-02', hours: 5 }]);
      assert.deepEqual(s.months.map((m) => `${m.month}:${m.hours}`), ['2023-11:2', '2023-12:0', '2024-01:0', '2024-02:5']);
      assert.equal(s.total, 7);
      assert.equal(s.busiest?.month, '2024-02');
      assert.equal(nextMonth('2023-12'), '2024-01');
    });

    it('draws the last 36 months of a longer history and keeps them all for the table', () => {
      const s = monthSeries([{ month: '2015-01', hours: 1 }, { month: '2024-12', hours: 1 }]);
      assert.equal(s.months.length, 120);
      assert.equal(s.drawn.length, 36);
      assert.equal(s.drawn[0]?.month, '2022-01');
      assert.deepEqual(monthSeries([]), { months: [], drawn: [], total: 0, busiest: null });
    });
  });

  describe('figures in words', () => {
    it('says when it pays back, never a number the server did not give', () => {
      assert.equal(paybackText({ ...figures, invested: 0, paybackMonths: 0 }), 'Nothing to pay back');
      assert.equal(paybackText({ ...figures, paybackMonths: 0 }), 'Paid back');
      assert.equal(paybackText({ ...figures, paybackMonths: null }), 'Never, at the current monthly costs and revenue');
      assert.equal(paybackText({ ...figures, paybackMonths: 0.4 }), 'Within a month, at the current monthly net');
      assert.equal(paybackText({ ...figures, paybackMonths: 7.2 }), 'In about 8 months, at the current monthly net');
      assert.equal(paybackText({ ...figures, paybackMonths: 40 }), 'In about 3 years (40 months), at the current monthly net');
      assert.equal(roiText(null), 'not known: nothing invested yet');
      assert.equal(roiText(0.25), '+25%');
    });
  });

  describe('page state', () => {
    const loaded = (): MoneyState => applyMessage(applyMessage(INITIAL_STATE, { type: 'loading', project: SHOP }), view(shopView()));

    it('switches to the project the host names, and drops answers for one it left', () => {
      let s = loaded();
      assert.equal(s.view?.name, 'shop');
      s = picked(s, BLOG);
      assert.equal(s.view, null);
      assert.equal(s.loading, true);
      assert.equal(applyMessage(s, view(shopView())), s, 'the old project’s view is stale');
      assert.equal(applyMessage(s, { type: 'viewFailed', project: SHOP, message: 'late' }), s);
    });

    it('keeps the figures while the same project is read again', () => {
      const s = applyMessage(loaded(), { type: 'loading', project: SHOP });
      assert.equal(s.view?.name, 'shop');
      assert.equal(s.loading, true);
    });

    it('clears the rate draft when the view after the change comes, and keeps it when the change is refused', () => {
      const sent: MoneyState = { ...loaded(), pending: 'rate', rateDraft: '80' };
      const refused = applyMessage(sent, { type: 'failed', message: 'untrusted' });
      assert.deepEqual([refused.pending, refused.rateDraft, refused.notice], [null, '80', 'untrusted']);
      const stored = applyMessage(sent, view(shopView({ hourlyRate: 80 })));
      assert.deepEqual([stored.pending, stored.rateDraft, stored.view?.hourlyRate], [null, null, 80]);
    });

    it('empties the add form once the entry is stored, keeping its choices', () => {
      const sent: MoneyState = { ...loaded(), pending: 'add', draft: { direction: 'revenue', name: 'Sale', amount: '5', kind: 'one-off', since: '2024-01-01' } };
      assert.deepEqual(applyMessage(sent, view(shopView())).draft, { direction: 'revenue', name: '', amount: '', kind: 'one-off', since: null });
      assert.equal(applyMessage(sent, { type: 'failed', message: 'no' }).draft.name, 'Sale');
    });

    it('saves and restores only what its guard accepts, and waits for nothing after a restore', () => {
      const s: MoneyState = { ...loaded(), pending: 'rate', loading: true };
      assert.equal(isMoneyState(JSON.parse(JSON.stringify(s))), true);
      assert.deepEqual([restored(s).pending, restored(s).loading], [null, false]);
      assert.equal(isMoneyState({ ...s, view: { ...s.view, hourlyRate: -1 } }), false);
      assert.equal(restored(undefined), INITIAL_STATE);
    });
  });

  describe('protocol guards', () => {
    it('accepts the commands the page sends and refuses changes past the server’s bounds', () => {
      const item = { name: 'Domain', amount: 12, kind: 'one-off', since: '2024-01-15' };
      assert.equal(isMoneyCommand({ type: 'setRate', project: SHOP, rate: 80 }), true);
      assert.equal(isMoneyCommand({ type: 'addEntry', project: SHOP, direction: 'cost', item }), true);
      assert.equal(isMoneyCommand({ type: 'removeEntry', project: SHOP, id: 3 }), true);
      assert.equal(isMoneyCommand({ type: 'ready', project: null }), true);
      for (const bad of [
        { type: 'setRate', project: SHOP, rate: -1 },
        { type: 'setRate', project: SHOP, rate: Number.NaN },
        { type: 'setRate', project: SHOP, rate: 1_000_001 },
        { type: 'setRate', project: '', rate: 1 },
        { type: 'addEntry', project: SHOP, direction: 'gift', item },
        { type: 'addEntry', project: SHOP, direction: 'cost', item: { ...item, amount: 1e10 } },
        { type: 'addEntry', project: SHOP, direction: 'cost', item: { ...item, name: ' ' } },
        { type: 'removeEntry', project: SHOP, id: 0 },
        { type: 'openFile', path: '/etc/passwd' },
      ]) {
        assert.equal(isMoneyCommand(bad), false, JSON.stringify(bad));
      }
    });

    it('accepts a view only under its own project', () => {
      assert.equal(isMoneyMessage(view(shopView())), true);
      assert.equal(isMoneyMessage({ type: 'view', project: BLOG, view: shopView() }), false);
    });
  });
});
