/**
 * The printed household card (明白纸) of 一码通: what it says and where its QR code points. Personal data on the
 * card is limited to the masked name of the household head (it hangs on the wall).
 */

/** 张三 → 张* ; 欧阳小明 → 欧*** ; empty → empty. Only the first character stays. */
export function maskName(name: string | null | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** A household report code: 32 lowercase hex characters (a UUID without hyphens). */
export const isReportCode = (s: string) => /^[0-9a-f]{32}$/.test(s);

/** The public address the QR code points at: `<origin>/r/<code>` (origin without a trailing slash). */
export function selfReportUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/r/${code}`;
}

export const HOTLINE_PLACEHOLDER = '请向村委会或乡镇咨询县防返贫监测热线';

export interface CardText {
  title: string;
  intro: string;
  whatToReport: string[];
  howToReport: string[];
  hotline: string;
  promise: string;
}

/** The policy summary printed on every card (Simplified Chinese, plain words). */
export function cardText(hotline: string | null | undefined): CardText {
  return {
    title: '防止返贫动态监测和帮扶明白纸',
    intro: '防止返贫动态监测是对脱贫户、监测户和所有农户家庭生活状况的跟踪关注：家里一旦遇到困难、可能影响基本生活，'
      + '可以随时申报，村、乡镇核实后及时落实帮扶，防止因灾因病等返贫致贫。申报不设名额，不收任何费用。',
    whatToReport: [
      '生病或住院，医疗花费大',
      '意外事故（车祸、工伤等）',
      '自然灾害（洪涝、干旱、冰雹、滑坡等）',
      '失业或外出务工不稳定，收入明显减少',
      '孩子上学困难或失学辍学',
      '住房不安全（开裂、漏雨、有倒塌危险）',
      '饮水困难（水量不足、水质不好、取水太远）',
    ],
    howToReport: [
      '用手机扫描右侧二维码，选择困难类型并简单说明情况，一分钟即可提交；',
      '也可以直接告诉村干部、帮扶责任人，或拨打县防返贫监测热线；',
      '提交后用同一个二维码可以查看办理进度。',
    ],
    hotline: hotline?.trim() || HOTLINE_PLACEHOLDER,
    promise: '村里收到申报后会尽快入户核实，符合条件的及时纳入监测、落实帮扶。',
  };
}
