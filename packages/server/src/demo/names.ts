/**
 * Plausible Chinese names for the demo county: surnames weighted as they are common in Henan (南阳),
 * given names in the styles of each generation.
 */
import { weightTable, type Random } from './random.js';

/** [surname, weight] — weights roughly follow their share in Henan. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 75], ['李', 70], ['张', 70], ['刘', 55], ['陈', 35], ['杨', 30], ['赵', 25], ['孙', 20], ['郭', 20],
  ['周', 15], ['马', 15], ['高', 15], ['朱', 12], ['宋', 12], ['黄', 10], ['吴', 10], ['徐', 10], ['胡', 10],
  ['郑', 10], ['何', 8], ['梁', 8], ['韩', 8], ['冯', 8], ['许', 8], ['曹', 8], ['程', 7], ['董', 7], ['于', 6],
  ['吕', 6], ['袁', 6], ['贾', 6], ['魏', 6], ['闫', 6], ['付', 5], ['罗', 5], ['邓', 5], ['苏', 5], ['丁', 5],
  ['杜', 5], ['田', 5], ['任', 5], ['范', 5], ['崔', 5], ['唐', 5], ['谢', 5], ['牛', 4], ['常', 4], ['卢', 4],
  ['蒋', 4], ['蔡', 4], ['薛', 4], ['姜', 4], ['石', 4], ['姚', 4], ['郝', 4], ['白', 4], ['史', 4], ['侯', 4],
  ['孟', 4], ['彭', 4], ['秦', 3], ['毛', 3], ['康', 3], ['孔', 3], ['武', 3], ['乔', 3], ['段', 3], ['樊', 3],
  ['岳', 3], ['邵', 3], ['潘', 3], ['夏', 3], ['方', 3], ['沈', 3], ['叶', 3], ['余', 3], ['申', 2], ['葛', 2],
  ['庞', 2], ['耿', 2], ['屈', 2], ['司', 2], ['聂', 2], ['翟', 2], ['路', 2], ['焦', 2], ['鲁', 2], ['雷', 2],
  ['汤', 2], ['尹', 2], ['贺', 2], ['万', 2], ['汪', 2], ['钟', 2], ['邱', 2], ['江', 2], ['熊', 2], ['金', 2],
  ['陆', 2], ['廖', 2], ['谭', 2], ['邹', 2], ['戴', 2], ['曾', 2], ['柴', 1], ['祝', 1], ['楚', 1], ['龚', 1],
  ['易', 1], ['黎', 1], ['文', 1], ['钱', 1], ['顾', 1], ['龙', 1], ['赖', 1], ['穆', 1], ['褚', 1], ['党', 1],
];

type Sex = 'male' | 'female';
type Era = 'old' | 'mid' | 'young' | 'child';

const eraOf = (birthYear: number): Era => (birthYear < 1960 ? 'old' : birthYear < 1985 ? 'mid' : birthYear < 2005 ? 'young' : 'child');

/** Whole given names typical of an era. */
const WHOLE: Record<Sex, Record<Era, readonly string[]>> = {
  male: {
    old: ['建国', '国庆', '解放', '德山', '长福', '有才', '金山', '玉林', '春生', '保国', '振华', '广田', '满仓', '根生', '全福', '来顺', '富贵', '永安', '新民', '跃进', '中和', '天成', '学文', '志勇', '书林'],
    mid: ['建军', '国强', '卫东', '红军', '志刚', '海军', '永刚', '振宇', '建伟', '明亮', '保平', '新亮', '东升', '向阳', '建华', '卫国', '庆丰', '俊峰', '军伟', '朝阳', '占领', '小平', '长江', '红亮', '晓东'],
    young: ['浩然', '一鸣', '俊杰', '子豪', '家乐', '宇航', '鹏飞', '晨阳', '博文', '嘉伟', '明轩', '志豪', '梦龙', '世豪', '振洋', '少杰', '凯旋', '晓龙', '佳豪', '旭东'],
    child: ['子轩', '浩宇', '宇轩', '梓睿', '一诺', '俊熙', '皓轩', '泽宇', '沐宸', '子墨', '奕辰', '思远', '嘉豪', '梓豪', '锦程', '瑞泽', '铭轩', '天佑', '承泽', '景行'],
  },
  female: {
    old: ['秀英', '桂英', '秀兰', '玉兰', '桂兰', '凤英', '秀珍', '玉珍', '翠花', '春花', '秀梅', '玉梅', '桂芝', '凤兰', '兰英', '淑珍', '素琴', '金花', '玉英', '荣华', '银环', '爱莲', '桂香', '香兰', '巧云'],
    mid: ['红梅', '丽娟', '春燕', '海燕', '红霞', '玉霞', '晓红', '艳丽', '桂芳', '秋菊', '小芳', '彩霞', '丽萍', '新华', '凤霞', '建英', '俊霞', '巧玲', '红艳', '爱华', '改云', '素芬', '书芳', '翠萍', '玉凤'],
    young: ['欣怡', '梦瑶', '佳琪', '雨婷', '晓雪', '思佳', '婉婷', '静怡', '梦洁', '雅琪', '晓慧', '佳慧', '文静', '雪晴', '梦雨', '丹丹', '璐璐', '莹莹', '倩倩', '甜甜'],
    child: ['梓涵', '诗涵', '子涵', '雨桐', '可馨', '一诺', '梓萱', '思雨', '语桐', '佳怡', '雨欣', '若曦', '心怡', '紫涵', '欣妍', '沐晴', '语汐', '梓琪', '安琪', '依诺'],
  },
};

/** Single characters for one-character names or free combinations. */
const SINGLE: Record<Sex, Record<Era, readonly string[]>> = {
  male: {
    old: ['德', '福', '贵', '富', '宝', '山', '海', '成', '明', '春', '林', '生', '全', '金', '永', '忠', '义', '有', '祥', '正'],
    mid: ['伟', '强', '军', '勇', '刚', '平', '辉', '华', '斌', '峰', '亮', '涛', '磊', '明', '杰', '超', '彬', '伟', '波', '锋'],
    young: ['磊', '鹏', '飞', '鑫', '宇', '浩', '凯', '健', '俊', '帆', '帅', '旭', '宁', '龙', '阳', '博', '航', '晨', '豪', '森'],
    child: ['轩', '睿', '泽', '宸', '辰', '熙', '铭', '瑞', '锦', '昊', '然', '翔', '宇', '诺', '恒', '煜', '晟', '琦', '铎', '朗'],
  },
  female: {
    old: ['英', '兰', '珍', '梅', '芝', '花', '凤', '琴', '芳', '香', '云', '菊', '莲', '荣', '秀', '翠', '玉', '桂', '环', '娥'],
    mid: ['丽', '娟', '敏', '静', '艳', '芳', '霞', '红', '玲', '燕', '梅', '慧', '萍', '琴', '洁', '莉', '英', '华', '玉', '霞'],
    young: ['婷', '雪', '倩', '颖', '琳', '佳', '欣', '怡', '璐', '瑶', '莹', '晶', '蕾', '楠', '菲', '薇', '琪', '悦', '茜', '丹'],
    child: ['涵', '萱', '桐', '馨', '怡', '妍', '汐', '曦', '琪', '悦', '瑶', '诺', '彤', '晴', '然', '依', '可', '伊', '苒', '婉'],
  },
};

const SURNAME_TABLE = weightTable(SURNAMES);

export function surname(rng: Random): string {
  return rng.fromTable(SURNAME_TABLE);
}

/** A given name for someone of `sex` born in `birthYear`; `generationChar` makes siblings share a character (字辈). */
export function givenName(rng: Random, sex: Sex, birthYear: number, generationChar?: string): string {
  const era = eraOf(birthYear);
  const single = SINGLE[sex][era];
  if (generationChar) return generationChar + rng.pick(single);
  const r = rng.next();
  const singleShare = era === 'mid' ? 0.3 : era === 'young' ? 0.22 : era === 'old' ? 0.12 : 0.08;
  if (r < singleShare) return rng.pick(single);
  if (r < singleShare + 0.45) return rng.pick(WHOLE[sex][era]);
  // free combination of two characters of the era (avoid doubling the same character except on purpose)
  const a = rng.pick(single);
  let b = rng.pick(single);
  if (b === a && !rng.chance(0.3)) b = rng.pick(single);
  return a + b;
}

/** A character siblings of one generation may share (字辈), e.g. 建 in 建军/建华. */
export function generationChar(rng: Random, sex: Sex, birthYear: number): string {
  const era = eraOf(birthYear);
  const pool = sex === 'male'
    ? { old: ['德', '长', '玉', '振', '志'], mid: ['建', '国', '卫', '红', '永', '新'], young: ['俊', '家', '子', '嘉', '明'], child: ['子', '梓', '浩', '宇', '思'] }
    : { old: ['秀', '桂', '玉', '凤', '淑'], mid: ['红', '丽', '小', '春', '海'], young: ['晓', '梦', '佳', '雨', '思'], child: ['梓', '子', '雨', '欣', '诗'] };
  return rng.pick(pool[era]);
}

export function fullName(rng: Random, sex: Sex, birthYear: number, familyName?: string): string {
  return (familyName ?? surname(rng)) + givenName(rng, sex, birthYear);
}
