const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const MAGNITUDES = [{ mark: '亿', value: 1e8 }, { mark: '万', value: 1e4 }] as const;

interface SectionState {
  total: number;
  digit?: number;
  unit: number;
  zero: boolean;
}

function addDigit(state: SectionState, value: number, first: boolean): boolean {
  if (state.digit !== undefined) return false;
  if (value !== 0) {
    state.digit = value;
    return true;
  }
  // 零 only marks a skipped unit: never first, never twice, never right after a digit.
  if (first || state.zero) return false;
  state.zero = true;
  return true;
}

function addUnit(state: SectionState, unit: number, first: boolean): boolean {
  if (unit >= state.unit) return false;
  if (state.zero && unit * 10 >= state.unit) return false;
  const digit = state.digit ?? (first ? 1 : undefined);
  if (digit === undefined) return false;
  state.total += digit * unit;
  state.digit = undefined;
  state.unit = unit;
  state.zero = false;
  return true;
}

function finishSection(state: SectionState): number | undefined {
  if (state.digit === undefined) return state.zero ? undefined : state.total;
  if (state.zero) return state.unit >= 100 ? state.total + state.digit : undefined;
  // 一百五 = 150: a trailing digit right after a unit counts in the next lower unit.
  return state.total + (state.unit === Infinity ? state.digit : (state.digit * state.unit) / 10);
}

// Below 一万: digits and the units 十 百 千, with 零 for a skipped unit.
function parseSection(text: string): number | undefined {
  const state: SectionState = { total: 0, unit: Infinity, zero: false };
  let first = true;
  for (const ch of text) {
    const digit = DIGITS[ch];
    const unit = UNITS[ch];
    const ok = digit !== undefined ? addDigit(state, digit, first) : unit !== undefined && addUnit(state, unit, first);
    if (!ok) return undefined;
    first = false;
  }
  return first ? undefined : finishSection(state);
}

function parseBelowMagnitude(text: string, magnitude: number): number | undefined {
  if (text === '') return 0;
  if (/^[零〇]/.test(text)) {
    const rest = parseMagnitudes(text.slice(1), magnitude);
    return rest !== undefined && rest > 0 && rest * 10 < magnitude ? rest : undefined;
  }
  const lone = DIGITS[text];
  // 三万五 = 35000, like 一百五.
  if (lone !== undefined && text.length === 1) return lone === 0 ? undefined : (lone * magnitude) / 10;
  const value = parseMagnitudes(text, magnitude);
  return value !== undefined && value < magnitude ? value : undefined;
}

function parseMagnitudes(text: string, below = Infinity): number | undefined {
  const level = MAGNITUDES.find((m) => m.value < below && text.includes(m.mark));
  if (!level) return parseSection(text);
  const [head = '', tail = '', ...more] = text.split(level.mark);
  if (more.length > 0 || head === '') return undefined;
  const high = parseMagnitudes(head, level.value);
  const low = parseBelowMagnitude(tail, level.value);
  if (high === undefined || high === 0 || low === undefined) return undefined;
  return high * level.value + low;
}

/**
 * Reads a Chinese numeral: 一 → 1, 十二 → 12, 两 → 2, 一百零五 → 105, 五十五万 → 550000, 百 → 100,
 * and the spoken 一百五 → 150. Strings of bare digits (一二, 三五: "one or two", "three to five")
 * are ranges in speech, not numbers, so they are `undefined`, as is anything malformed (十十).
 */
export function parseChineseNumber(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const single = DIGITS[s];
  if (single !== undefined && s.length === 1) return single;
  const value = parseMagnitudes(s);
  return value !== undefined && Number.isSafeInteger(value) ? value : undefined;
}
