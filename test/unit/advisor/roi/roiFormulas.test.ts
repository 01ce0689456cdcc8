import assert from 'node:assert/strict';
import { monthsElapsed, parseDay } from '../../../../language-server/advisor/roi/calendar';
import type { Day } from '../../../../language-server/advisor/roi/calendar';
import { amountToDate, paybackMonths, roiFigures } from '../../../../language-server/advisor/roi/roiFormulas';
import type { MoneyItem } from '../../../../language-server/advisor/roi/roiFormulas';

const day = (text: string): Day => parseDay(text) as Day;
const monthly = (amount: number, since: string, name = 'm'): MoneyItem => ({ name, amount, kind: 'monthly', since });
const once = (amount: number, since: string, name = 'o'): MoneyItem => ({ name, amount, kind: 'one-off', since });
const NOW = new Date('2024-06-20T12:00:00Z');

describe('advisor/roi: formulas', () => {
  it('works the example of ROI.md', () => {
    const f = roiFigures({ hours: 100, hourlyRate: 50, costs: [monthly(10, '2024-01-15'), once(12, '2024-02-01')], revenue: [monthly(30, '2024-03-01')], now: NOW });
    assert.deepEqual({ ...f, roi: Number(f.roi?.toFixed(4)), paybackMonths: Number(f.paybackMonths?.toFixed(1)) }, {
      labour: 5000,
      costsToDate: 72,
      revenueToDate: 120,
      invested: 5072,
      roi: -0.9763,
      costPerMonth: 10,
      revenuePerMonth: 30,
      paybackMonths: 247.6,
    });
  });

  it('charges a monthly entry on its day each month, on the last day of a shorter month, and not before it starts', () => {
    assert.equal(amountToDate(monthly(5, '2024-06-20'), day('2024-06-20')), 5, 'charged on its first day');
    assert.equal(amountToDate(monthly(5, '2024-05-21'), day('2024-06-20')), 5, 'the second charge is tomorrow');
    assert.equal(amountToDate(monthly(5, '2024-05-20'), day('2024-06-20')), 10);
    assert.equal(amountToDate(monthly(5, '2024-06-21'), day('2024-06-20')), 0, 'starts tomorrow');
    assert.equal(amountToDate(once(99, '2024-06-21'), day('2024-06-20')), 0);
    assert.equal(amountToDate(once(99, '2020-01-01'), day('2024-06-20')), 99);
    assert.equal(monthsElapsed(day('2024-01-31'), day('2024-02-28')), 0, 'leap year: Feb 29 is the anniversary');
    assert.equal(monthsElapsed(day('2024-01-31'), day('2024-02-29')), 1);
    assert.equal(monthsElapsed(day('2023-01-31'), day('2023-02-28')), 1);
    assert.equal(monthsElapsed(day('2023-12-15'), day('2024-12-14')), 11);
    assert.equal(monthsElapsed(day('2023-12-15'), day('2024-12-15')), 12);
  });

  it('gives no ROI when nothing is invested, and pays back at once what is already covered', () => {
    const nothing = roiFigures({ hours: 0, hourlyRate: 50, costs: [], revenue: [], now: NOW });
    assert.deepEqual([nothing.invested, nothing.roi, nothing.paybackMonths], [0, null, 0]);
    const unpriced = roiFigures({ hours: 40, hourlyRate: 0, costs: [], revenue: [once(100, '2024-01-01')], now: NOW });
    assert.equal(unpriced.roi, null, 'hours without a rate are not money invested');
  });

  it('is -1 when nothing came back, 0 at break-even and positive on a gain', () => {
    const roi = (revenue: number) => roiFigures({ hours: 10, hourlyRate: 10, costs: [], revenue: revenue ? [once(revenue, '2024-01-01')] : [], now: NOW }).roi;
    assert.deepEqual([roi(0), roi(100), roi(150)], [-1, 0, 0.5]);
  });

  it('never pays back at a zero or negative monthly net', () => {
    assert.equal(paybackMonths(100, 0), null);
    assert.equal(paybackMonths(100, -5), null);
    assert.equal(paybackMonths(100, 20), 5);
    assert.equal(paybackMonths(0, -5), 0);
    const losing = roiFigures({ hours: 1, hourlyRate: 100, costs: [monthly(20, '2024-01-01')], revenue: [monthly(10, '2024-01-01')], now: NOW });
    assert.deepEqual([losing.costsToDate, losing.revenueToDate, losing.paybackMonths], [120, 60, null]);
  });

  it('leaves future monthly entries out of the monthly rates, and ignores an entry with an impossible date', () => {
    const f = roiFigures({ hours: 0, hourlyRate: 0, costs: [monthly(10, '2024-07-01'), monthly(3, '2024-02-30'), monthly(4, '2024-06-01')], revenue: [], now: NOW });
    assert.deepEqual([f.costPerMonth, f.costsToDate], [4, 4]);
  });
});
