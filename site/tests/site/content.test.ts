/** What the pages of the fixture site carry: the home page, stories and their media, the 《意见》, figures, the forms and what readers sent. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SUBMIT_URL, STORY_KINDS, SUGGESTION_TOPICS } from '@campaign-desk/shared';
import { SAMPLE_DATE_NOTE } from '../../src/lib/site';
import { CAPTIONS, FRAMED_URL, HOSTILE_DEED_ID, HOSTILE_SUGGESTION_ID, MEDIA_STORIES } from '../support/fixture';
import { ELDER_MODE_SCRIPT } from '../../src/lib/elder-mode';
import { TEST_SITE_URL } from '../support/global-setup';
import { attr, read, scriptsIn, tags } from '../support/dist';
import { parseXml, urlsIn } from '../support/xml';
import { dist, expectWholeSite, of, pages } from '../support/built-site';
import { decodeQr } from '../support/qr';

expectWholeSite();

/** A page's forms that send a report (建言献策, 好人好事), not its 点赞 buttons. */
const reportForms = (html: string) => tags(html, 'form').filter((tag) => attr(tag, 'class') !== 'like');

describe('what pages carry', () => {
  test('what is invented is marked 示例 wherever it shows: events, their placeholder dates, the 《意见》’s adoption, placements', () => {
    const events = pages.get('/events/')!;
    for (const event of of('event')) {
      const item = new RegExp(`<li class="story-card" id="${event.slug}">[\\s\\S]*?</li>`).exec(events)![0];
      expect(item.includes(`title="${SAMPLE_DATE_NOTE}">示例</span>`), event.slug).toBe(event.sampleDate);
      expect(/<h3><span class="badge badge-kind">[^<]*<\/span><span class="badge badge-sample"/.test(item), event.slug).toBe(event.sample);
    }
    expect(
      of('event')
        .filter((event) => event.sampleDate)
        .map((event) => event.slug),
    ).toEqual([
      'lingdao-xiaozu-gongzuo-huiyi',
      'yantaohui-zengzhangji',
      'yantaohui-shifanqu',
      'yantaohui-gongyuan-chengshi',
      'shiwei-quanti-kuoda-huiyi',
    ]);
    for (const page of ['/opinions/yijian/', '/'])
      expect(pages.get(page), page).toMatch(
        new RegExp(`2020年9月28日</time><span class="badge badge-sample" title="${SAMPLE_DATE_NOTE}">`),
      );
    const plenaryReport = of('story').find(
      (story) => story.eventId === of('event').find((event) => event.slug === 'shiwei-quanti-kuoda-huiyi')!.documentId,
    )!;
    expect(pages.get(`/stories/${plenaryReport.slug}/`)).toContain(`</time><span class="badge badge-sample" title="${SAMPLE_DATE_NOTE}">`);
    const placed = of('story').find((story) => story.documentId === of('placement')[0]!.storyId)!;
    expect(pages.get(`/stories/${placed.slug}/`)).toMatch(/id="placements"[\s\S]*?<li>\s*<span class="badge badge-sample"/);
  });

  test('a listing per story kind, and each story links to its kind', () => {
    for (const kind of STORY_KINDS) {
      const html = pages.get(`/kinds/${kind.key}/`)!;
      expect(html).toContain(`<h1>${kind.name}</h1>`);
      expect(html).toContain(`href="/feeds/kinds/${kind.key}.xml"`);
    }
    const story = of('story').find((record) => record.kind === 'video')!;
    expect(pages.get(`/stories/${story.slug}/`)).toContain('<a class="badge badge-kind" href="/kinds/video/">视频</a>');
  });

  test('the home page carries the campaign, the six activities, the phases, 唐光友, the 《意见》, events and coverage', () => {
    const home = pages.get('/')!;
    for (const activity of of('activity')) expect(home).toContain(`href="/activities/${activity.slug}/"`);
    expect(home).toMatch(/<li class="current" aria-current="step">[\s\S]*?转型发展示范区/);
    expect(home).toContain('当前处于第2阶段');
    expect(home).toContain('href="/figures/tang-guangyou/"');
    // The fixture's twelve good deeds and the hostile one a reader reported.
    expect(home).toMatch(/<strong>13<\/strong><span>件好事已接力/);
    expect(home).toContain('href="/opinions/yijian/"');
    expect(home).toContain('近期日程');
    expect(home).toMatch(/中央主流媒体/);
    for (const column of of('column')) expect(home).toContain(`href="/columns/${column.slug}/"`);
  });

  test('a story’s own video plays in the page: poster, length, captions copied to the site, metadata only, never autoplay', () => {
    const html = pages.get(`/stories/${MEDIA_STORIES.video}/`)!;
    const [video] = tags(html, 'video');
    expect(video).toBeDefined();
    expect(attr(video!, 'preload')).toBe('metadata');
    expect(video).not.toMatch(/\sautoplay\b/);
    expect(video).toMatch(/\scontrols\b/);
    expect(attr(video!, 'poster')).toMatch(/^\/media\/[0-9a-f]{24}-\d+\.jpg$/);
    expect(attr(tags(html, 'source')[0]!, 'src')).toMatch(/\/uploads\/zoubian\.mp4$/);
    const [track] = tags(html, 'track');
    expect(attr(track!, 'kind')).toBe('captions');
    expect(attr(track!, 'srclang')).toBe('zh');
    expect(read(dist, attr(track!, 'src')!)).toBe(CAPTIONS);
    expect(html).toContain('<time datetime="PT1M35S">1分35秒</time>');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld.video).toMatchObject({ '@type': 'VideoObject', duration: 'PT1M35S', encodingFormat: 'video/mp4' });
    // The poster stands for the cover: the picture is not shown twice.
    expect(tags(html, 'picture')).toHaveLength(0);

    const audio = pages.get(`/stories/${MEDIA_STORIES.audio}/`)!;
    expect(attr(tags(audio, 'audio')[0]!, 'preload')).toBe('metadata');
    expect(audio).toContain('<time datetime="PT1H2M5S">1小时2分5秒</time>');
  });

  test('a link on an allowed platform plays in a sandboxed frame; any other stays a link', () => {
    const html = pages.get(`/stories/${MEDIA_STORIES.framed}/`)!;
    const [frame] = tags(html, 'iframe');
    expect(attr(frame!, 'src')).toBe(FRAMED_URL);
    expect(attr(frame!, 'sandbox')).toBe('allow-scripts allow-same-origin allow-presentation allow-popups');
    expect(attr(frame!, 'sandbox')).not.toContain('allow-top-navigation');
    // Framed only where the CMS allowed the platform: the framed story and the framed H5 work.
    const framed: string[] = [MEDIA_STORIES.framed, MEDIA_STORIES.h5Framed];
    for (const story of of('story').filter((story) => story.mediaUrl && !framed.includes(story.slug))) {
      const page = pages.get(`/stories/${story.slug}/`)!;
      expect(tags(page, 'iframe'), story.slug).toHaveLength(0);
    }
  });

  test('a story page has everything the issue lists', () => {
    const story = of('story').find((record) => record.slug === 'sample-story-001')!;
    const html = pages.get('/stories/sample-story-001/')!;
    expect(html).toContain('<h1><span class="badge badge-sample"');
    expect(html).toContain('2020年4月22日');
    expect(html).toContain(story.bylines[0]);
    expect(html).toContain(`href="${story.mediaUrl}"`);
    expect(html).toContain('property="og:type" content="article"');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    const json = JSON.parse(ld!);
    expect(json).toMatchObject({ '@type': 'NewsArticle', headline: story.title, datePublished: story.date, inLanguage: 'zh-CN' });
    expect(json.image[0]).toMatch(new RegExp(`^${TEST_SITE_URL}/media/[0-9a-f]{24}-1200\\.jpg$`));
    // The cover through sharp: responsive WebP and JPEG copies, the original's size set, caption and credit.
    const picture = /<picture>.*?<\/picture>/s.exec(html)![0];
    expect(picture).toMatch(/type="image\/webp"/);
    expect(attr(tags(picture, 'source')[0]!, 'srcset')).toMatch(/360w.*720w.*1080w/);
    const img = tags(picture, 'img')[0]!;
    expect(attr(img, 'width')).toBe('1600');
    expect(attr(img, 'height')).toBe('900');
    expect(html).toContain('咸宁高新区重点项目建设现场。（记者 张三 摄）');
    expect(html).toMatch(/rel="(prev|next)"/);
    expect(html).toContain('相关稿件');
  });

  test('print editions, placements (上稿), clauses and figures show on the stories that have them', () => {
    const printed = of('story').find((story) => story.printEdition)!;
    expect(pages.get(`/stories/${printed.slug}/`)).toContain('首发版面');
    const placement = of('placement')[0]!;
    const placed = of('story').find((story) => story.documentId === placement.storyId)!;
    expect(pages.get(`/stories/${placed.slug}/`)).toContain('媒体刊播（上稿）');
    const interpretation = of('story').find((story) => story.clauseIds.length > 0)!;
    const html = pages.get(`/stories/${interpretation.slug}/`)!;
    expect(html).toContain(`/opinions/yijian/#clause-${interpretation.clauseIds[0]}`);
    const withFigure = of('story').find((story) => story.figureIds.length > 0)!;
    expect(pages.get(`/stories/${withFigure.slug}/`)).toContain('href="/figures/tang-guangyou/"');
  });

  test('hostile text reaches readers as text, never as markup', () => {
    const html = pages.get('/stories/hostile-story/')!;
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(
      scriptsIn(html).filter((script) => attr(script.tag, 'type') !== 'application/ld+json' && !script.body.startsWith(ELDER_MODE_SCRIPT)),
    ).toEqual([]);
    expect(tags(html, 'img').some((tag) => /\sonerror/i.test(tag))).toBe(false);
    expect(urlsIn(html).filter((url) => /^javascript:/i.test(url))).toEqual([]);
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  test('the 《意见》 has an anchor per clause with its interpretations beside it', () => {
    const html = pages.get('/opinions/yijian/')!;
    const opinion = of('opinion')[0]!;
    for (const clause of opinion.clauses) expect(html).toContain(`id="clause-${clause.documentId}"`);
    const interpreted = of('story').find((story) => story.clauseIds.length > 0)!;
    const section = new RegExp(`id="clause-${interpreted.clauseIds[0]}"[\\s\\S]*?</section>`).exec(html)![0];
    expect(section).toContain(`href="/stories/${interpreted.slug}/"`);
  });

  test('the figure page carries the relay of good deeds', () => {
    const html = pages.get('/figures/tang-guangyou/')!;
    // The fixture's good deeds and the hostile one a reader reported.
    expect(html).toContain(`接力做好事（${of('goodDeed').length + 1} 件）`);
    for (const deed of of('goodDeed')) expect(html).toContain(`id="deed-${deed.documentId}"`);
    expect(html).toMatch(/<picture>/);
  });

  test('建言献策: the form posts to the CMS’s route and works without a script; the wall shows adopted suggestions with replies and counts by topic', () => {
    const html = pages.get('/jianyan/')!;
    const [form] = reportForms(html);
    expect(attr(form!, 'action')).toBe(`${DEFAULT_SUBMIT_URL}/suggestion`);
    expect(attr(form!, 'method')).toBe('post');
    expect(attr(form!, 'enctype')).toBe('multipart/form-data');
    for (const name of ['topic', 'text', 'name', 'contact', 'consent', 'website']) expect(html, name).toContain(`name="${name}"`);
    expect(html).toContain(`challenge="${DEFAULT_SUBMIT_URL}/challenge"`);
    expect(html).toContain('天后自动删除');
    const suggestions = of('suggestion');
    expect(html).toContain('<h2 id="wall">已采纳的建议</h2>');
    // The test site is a preview, so its samples count (a public build counts what is fact).
    for (const suggestion of suggestions) {
      expect(html).toContain(`id="s-${suggestion.documentId}"`);
      expect(html).toContain(suggestion.reply);
    }
    for (const topic of SUGGESTION_TOPICS) {
      const count = suggestions.filter((suggestion) => suggestion.topic === topic.key).length + (topic.key === 'qita' ? 1 : 0);
      expect(html).toContain(`<span>${topic.name}</span> <strong>${count}</strong>`);
    }
  });

  test('宣讲点单: the 宣讲菜单 lists both groups, who is in them and their topics; a topic’s page books it without a script', () => {
    const menu = pages.get('/xuanjiang/')!;
    expect(pages.get('/')).toContain('href="/xuanjiang/"');
    for (const group of ['理论宣讲团', '百姓宣讲团']) expect(menu).toContain(`>${group}</h2>`);
    for (const topic of of('lectureTopic')) {
      expect(menu).toContain(`href="/xuanjiang/${topic.slug}/"`);
      for (const speaker of topic.speakers) expect(menu).toContain(speaker);
      const html = pages.get(`/xuanjiang/${topic.slug}/`)!;
      const [form] = tags(html, 'form');
      expect(attr(form!, 'action')).toBe(`${DEFAULT_SUBMIT_URL}/lecture/${topic.slug}`);
      expect(attr(form!, 'method')).toBe('post');
      for (const name of ['unit', 'audience', 'place', 'week', 'contactName', 'phone', 'note', 'consent', 'website']) {
        expect(html, `${topic.slug} ${name}`).toContain(`name="${name}"`);
      }
      // A unit's contact is the 宣传组's: the booking page asks for none of a reader's fields.
      expect(html).not.toContain('name="contact"');
      expect(html).toContain('天后自动删除');
    }
  });

  test('good deeds readers reported join the relay, marked as such, and the relay’s pages have the form to report one', () => {
    const html = pages.get('/goodDeeds/')!;
    const deeds = [...of('goodDeed'), { documentId: HOSTILE_DEED_ID, reportedByPublic: true }];
    for (const deed of deeds) expect(html).toContain(`id="deed-${deed.documentId}"`);
    const marked = tags(html, 'span').filter((tag) => attr(tag, 'class') === 'badge badge-public');
    expect(marked).toHaveLength(deeds.filter((deed) => deed.reportedByPublic).length);
    expect(html).toContain(`<strong>${deeds.filter((deed) => deed.reportedByPublic).length}</strong><span>件由群众报告</span>`);
    for (const page of ['/goodDeeds/', '/figures/tang-guangyou/']) {
      const [form] = reportForms(pages.get(page)!);
      expect(attr(form!, 'action'), page).toBe(`${DEFAULT_SUBMIT_URL}/good-deed`);
      expect(pages.get(page)).toContain('name="photo" type="file"');
      expect(pages.get(page)).toContain('name="figure" value="tang-guangyou"');
    }
    expect(pages.get('/')).toContain('件由群众报告');
  });

  test('知识竞答: a page per score a reader can get, with its result poster drawn at publish, whose QR code reads the quiz’s URL', async () => {
    const quiz = of('quiz')[0]!;
    const total = quiz.questions.length;
    const posters = new Set<string>();
    for (let score = 0; score <= total; score += 1) {
      const html = pages.get(`/quiz/${quiz.slug}/haibao/${score}/`)!;
      expect(html, String(score)).toContain(`答对 <strong>${score}</strong> 题，共 ${total} 题。`);
      const poster = tags(html, 'img')
        .map((tag) => attr(tag, 'src')!)
        .find((src) => src.startsWith('/media/poster-'))!;
      expect(poster, String(score)).toMatch(/^\/media\/poster-[0-9a-f]{24}\.jpg$/);
      posters.add(poster);
    }
    expect(posters.size).toBe(total + 1);
    expect(pages.has(`/quiz/${quiz.slug}/haibao/${total + 1}/`)).toBe(false);
    expect(await decodeQr(readFileSync(path.join(dist, [...posters][total]!)))).toBe(`${TEST_SITE_URL}/quiz/${quiz.slug}/`);
  });

  test('点赞: every good deed, figure and adopted suggestion has a like form that posts without a script, and no count is baked in', () => {
    const likeForms = (page: string) => tags(pages.get(page)!, 'form').filter((tag) => attr(tag, 'class') === 'like');
    const cases: Array<[string, string, string[]]> = [
      ['/goodDeeds/', 'good-deed', [...of('goodDeed').map((deed) => deed.documentId), HOSTILE_DEED_ID]],
      ['/jianyan/', 'suggestion', of('suggestion').map((suggestion) => suggestion.documentId)],
      [
        '/figures/tang-guangyou/',
        'figure',
        of('figure')
          .filter((figure) => figure.slug === 'tang-guangyou')
          .map((figure) => figure.documentId),
      ],
    ];
    for (const [page, kind, ids] of cases) {
      const forms = likeForms(page);
      for (const id of ids) {
        const form = forms.find((tag) => attr(tag, 'action') === `${DEFAULT_SUBMIT_URL}/like/${kind}/${id}`);
        expect(form, `${page} ${id}`).toBeDefined();
        expect(attr(form!, 'method')).toBe('post');
        expect(attr(form!, 'data-counts')).toBe(`${DEFAULT_SUBMIT_URL}/likes`);
      }
      expect(pages.get(page)).toContain('<input type="hidden" name="like" value="1">');
      expect(pages.get(page)).toMatch(/<span class="like-count" data-count><\/span>/);
    }
  });

  test('what readers sent reaches other readers as text, never as markup, in the good deeds feed too', () => {
    const xml = read(dist, '/feeds/good-deeds.xml');
    expect(xml).not.toMatch(/<(script|img|i|b)[\s>]/i);
    const fed = (parseXml(xml).rss.channel.item as any[]).find(
      (entry) => entry.guid['#text'] === `urn:campaign-desk:goodDeed:${HOSTILE_DEED_ID}`,
    );
    // As text: the markup is escaped in the item (the test's parser leaves entities as they are).
    expect(String(fed.description)).toContain('&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt;');

    for (const [page, id] of [
      ['/jianyan/', `s-${HOSTILE_SUGGESTION_ID}`],
      ['/goodDeeds/', `deed-${HOSTILE_DEED_ID}`],
    ] as const) {
      const html = pages.get(page)!;
      const item = new RegExp(`id="${id}"[\\s\\S]*?</li>`).exec(html)![0];
      expect(item).toContain('&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
      expect(item).not.toMatch(/<script|<img[^>]*onerror|<b>|<i>/);
      expect(urlsIn(item).filter((url) => /^javascript:/i.test(url))).toEqual([]);
    }
  });

  test('events are split into upcoming and past, grouped by phase', () => {
    const html = pages.get('/events/')!;
    const [upcoming, past] = html.split('id="past"') as [string, string];
    expect(upcoming).toContain('第三阶段 · 自然生态公园城市');
    expect(upcoming).toContain('宣传解读阶段');
    expect(past).toContain('第一阶段 · 特色产业增长极');
    for (const event of of('event')) expect(html).toContain(`id="${event.slug}"`);
  });
});
