import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './site.ts';

export const SEED_ID = '2018/07/iran-russia-ties-strategic-longstanding-velayati';

/**
 * A Persian translation of the seed article, in MDX with a quotation and a
 * timeline. Its body spells می‌شود with a ZWNJ and uses Persian ی and ک.
 */
export const PERSIAN = {
  id: '2018/07/velayati-iran-russia-ties-fa',
  extension: 'mdx',
  title: 'ولایتی: روابط ایران و روسیه راهبردی و دیرینه است',
  file: `---
title: "ولایتی: روابط ایران و روسیه راهبردی و دیرینه است"
description: "علی‌اکبر ولایتی در مسکو می‌گوید همکاری دو کشور در سوریه، در سازمان ملل و در برجام نشانهٔ مشارکتی راهبردی و بلندمدت است."
pubDate: 2018-07-12
dateline: تهران
source:
  name: Tasnim News Agency
lang: fa
translationOf: ${SEED_ID}
topics: [iran-russia-relations, jcpoa]
people: [ali-akbar-velayati, vladimir-putin]
organizations: [united-nations]
countries: [IR, RU]
---

## دیدار در مسکو

ولایتی پیش از دیدار با ولادیمیر پوتین گفت همکاری ایران و روسیه در مبارزه با تروریسم نمونه‌ای روشن از روابط راهبردی است. این دیدار در کرملین برگزار می‌شود.

## پیام رهبران

او پیام‌هایی از رهبر انقلاب اسلامی و رئیس‌جمهور ایران برای رئیس‌جمهور روسیه برده است.

<Quote by="ali-akbar-velayati" date="2018-07-12">همکاری ما راهبردی و بلندمدت است.</Quote>

گفت‌وگو دربارهٔ برجام (JCPOA) نیز در دستور کار است.

<Timeline topic="jcpoa" from="2015" to="2018" />
`,
};

/** A second Persian article whose body spells "می کنند" with a plain space (and never says شود). */
export const PERSIAN_SPACED = {
  id: '2018/08/iran-eurasia-trade-fa',
  title: 'گسترش بازرگانی ایران و اوراسیا',
  file: `---
title: "گسترش بازرگانی ایران و اوراسیا"
description: "تهران و مسکو برای کاهش تعرفه‌ها گفت‌وگو کردند."
pubDate: 2018-08-02
lang: fa
topics: [iran-russia-relations]
countries: [IR, RU]
---

دو کشور توافق‌نامهٔ بازرگانی تازه‌ای را امضا می کنند و تعرفهٔ صدها کالا را کاهش می دهند.
`,
};

/** A Russian translation of the seed article, which says "переговоры" but never "переговорами". */
export const RUSSIAN = {
  id: '2018/07/velayati-iran-russia-ties-ru',
  title: 'Велаяти: связи Ирана и России носят стратегический характер',
  file: `---
title: "Велаяти: связи Ирана и России носят стратегический характер"
description: "Али Акбар Велаяти в Москве назвал сотрудничество двух стран в Сирии и в ООН примером долгосрочного партнёрства."
pubDate: 2018-07-12T10:00:00Z
dateline: МОСКВА
lang: ru
translationOf: ${SEED_ID}
topics: [iran-russia-relations]
people: [ali-akbar-velayati, vladimir-putin]
countries: [IR, RU]
---

Переговоры Велаяти и Путина прошли в Кремле. Стороны обсудили ядерную сделку и положение в Сирии.
`,
};

/** The repository's content tree plus the three articles above, in a fresh temp folder. */
export function writeLanguagesFixture(): string {
  const contentDir = join(mkdtempSync(join(tmpdir(), 'chronicle-languages-')), 'content');
  cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
  for (const article of [PERSIAN, PERSIAN_SPACED, RUSSIAN]) {
    const file = join(contentDir, 'articles', `${article.id}.${'extension' in article ? article.extension : 'md'}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, article.file);
  }
  return contentDir;
}
