/**
 * Sample contacts for the simulated device (the bench's 5,000, the scale tests) and the small deterministic random
 * source the simulator uses. The simulated backend serves `scenario.contacts` (simulated-backend.ts).
 */
import type { SimulatedContactEntry } from './scenario';

const words = (text: string): string[] => text.split(' ');

const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const GIVEN_NAMES = words(
  '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 秀英 桂英 秀兰 建华 建国 志强 国强 红梅 玉兰 文华 海燕 丽华 子轩 浩然 欣怡 雨涵 思琪 佳慧 梓涵 一诺 俊杰 晨阳 淑珍 德明 玉珍 春梅 立新 小红',
);
const TITLES = words('阿姨 叔叔 奶奶 爷爷 老师 医生 大姐 大哥');
const FAMILY = words('妈妈 爸爸 姐姐 哥哥 外婆 外公 小姨 舅舅 姑姑 儿子 女儿 孙女 孙子');
const FIRST_NAMES = words(
  'Anna Ben Chloe David Emma Felix Grace Henry Iris Jack Lily Lucas Mia Noah Olivia Peter Sophie Tom Wendy Zoe',
);
const LAST_NAMES = words(
  'Smith Brown Chen Garcia Johnson Lee Martin Müller Nguyen Schmidt Taylor Wang Williams Wilson Wong',
);
const OPEN_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** mulberry32: small, fast, deterministic; plenty for sample data (also used by the bench). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function chineseName(random: () => number): string {
  const surname = pick(random, SURNAMES);
  const roll = random();
  if (roll < 0.1) return pick(random, FAMILY);
  if (roll < 0.25) return `${surname}${pick(random, TITLES)}`;
  if (roll < 0.32) return `${random() < 0.5 ? '老' : '小'}${surname}`;
  return `${surname}${pick(random, GIVEN_NAMES)}`;
}

function englishName(random: () => number): string {
  return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
}

/** 28 characters like a real openId; the index prefix keeps them unique. */
function openIdFor(index: number, random: () => number): string {
  let id = `o${index.toString(36).padStart(6, '0')}`;
  while (id.length < 28) id += OPEN_ID_ALPHABET[Math.floor(random() * OPEN_ID_ALPHABET.length)];
  return id;
}

/**
 * Deterministic sample contacts for scale tests: about 3 in 4 Chinese names (full names, 王阿姨, 老李, 妈妈...),
 * the rest English, about 90 % authorised. No avatars: the sample must not make network requests.
 */
export function generateContacts(count: number, seed = 20240601): SimulatedContactEntry[] {
  const random = createRandom(seed);
  const total = Math.max(0, Math.floor(count));
  const contacts: SimulatedContactEntry[] = [];
  for (let index = 0; index < total; index += 1) {
    const name = random() < 0.75 ? chineseName(random) : englishName(random);
    const bindStatus = random() < 0.9 ? 1 : 0;
    contacts.push({ openId: openIdFor(index, random), name, bindStatus });
  }
  return contacts;
}
