import { describe, expect, it } from 'vitest';
import { checkSimulatedLine, monitoringRates, percent, whatIfMove } from './what-if.rules.js';

const h = (monitorCategory: string | null, riskEliminated: boolean, perCapitaNetIncome: number | null) => ({ monitorCategory, riskEliminated, perCapitaNetIncome });

describe('what-if: enter / leave the monitoring range (current 8300)', () => {
  it.each([
    // raising the line to 9000
    { x: h(null, false, 8500), line: 9000, move: 'enter' },
    { x: h(null, false, 9000), line: 9000, move: 'enter' }, // at the new line = within
    { x: h(null, false, 9000.01), line: 9000, move: null },
    { x: h(null, false, 8300), line: 9000, move: 'already_within' }, // at the current line: already within
    { x: h('marginal', true, 8500), line: 9000, move: 'enter' }, // eliminated: not under monitoring
    { x: h('marginal', false, 8500), line: 9000, move: null }, // monitored stays monitored
    { x: h(null, false, null), line: 9000, move: null },
    // lowering the line to 7000
    { x: h('marginal', false, 7500), line: 7000, move: 'leave' },
    { x: h('marginal', false, 7000), line: 7000, move: null }, // still within the new line
    { x: h('sudden', false, 9500), line: 7000, move: null }, // above the current line: monitored for another reason
    { x: h(null, false, 7500), line: 7000, move: 'already_within' },
  ])('$x → $move', ({ x, line, move }) => expect(whatIfMove(x, 8300, line)).toBe(move));
  it('validates the simulated line', () => {
    expect(checkSimulatedLine(0)).toMatch('大于0');
    expect(checkSimulatedLine(-5)).toMatch('大于0');
    expect(checkSimulatedLine(200000)).toMatch('100000');
    expect(checkSimulatedLine(9000)).toBeNull();
  });
});

describe('figures', () => {
  it('percent', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
  });
  it('rates', () => {
    expect(monitoringRates({ identified: 4, eliminated: 1, measures: 8, implementedMeasures: 6, monitoredHouseholds: 3, monitoredMeasures: 7 }))
      .toEqual({ eliminationRate: 25, implementationRate: 75, policiesPerHousehold: 2.33 });
    expect(monitoringRates({ identified: 0, eliminated: 0, measures: 0, implementedMeasures: 0, monitoredHouseholds: 0, monitoredMeasures: 0 }))
      .toEqual({ eliminationRate: null, implementationRate: null, policiesPerHousehold: null });
  });
});
