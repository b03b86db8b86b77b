/**
 * What each 分享海报 shows (snapshot/posters.ts draws it): every story, figure, good deed and live,
 * and a quiz's result for each score a reader can get (drawn once at publish, never per
 * answer), with its page's absolute URL for the QR code, and where a page links its poster.
 */
import { formatChineseDate, type Image, type Quiz } from '@campaign-desk/shared';
import { kindName, type Campaign } from '../lib/campaign';
import { absoluteUrl, paths } from '../lib/paths';
import type { PosterInput } from '../snapshot/posters';
import { deedUrl, posterKey } from './parts';

/**
 * Every poster of the campaign. `pictureFile` is the local copy an image's poster uses (the
 * media library's), or null: the poster then shows its label where a picture would be.
 */
export function posterInputs(campaign: Campaign, pictureFile: (image: Image) => string | null): Map<string, PosterInput> {
  const picture = (image: Image | null) => (image ? pictureFile(image) : null);
  const inputs = new Map<string, PosterInput>();
  for (const story of campaign.stories.all) {
    inputs.set(posterKey('story', story.documentId), {
      title: story.title,
      label: kindName(story.kind),
      date: formatChineseDate(story.date),
      url: absoluteUrl(paths.story(story)),
      picture: picture(story.cover),
    });
  }
  for (const figure of campaign.records.figures) {
    inputs.set(posterKey('figure', figure.documentId), {
      title: [figure.name, figure.role].filter(Boolean).join('　'),
      label: '典型人物',
      date: '',
      url: absoluteUrl(paths.figure(figure)),
      picture: picture(figure.portrait),
    });
  }
  for (const deed of campaign.participation.goodDeeds) {
    inputs.set(posterKey('goodDeed', deed.documentId), {
      title: deed.title,
      label: '接力做好事',
      date: formatChineseDate(deed.date),
      url: deedUrl(campaign, deed),
      picture: picture(deed.photo),
    });
  }
  for (const live of campaign.lives.all) {
    const event = (live.eventId && campaign.records.byId.events.get(live.eventId)) || null;
    inputs.set(posterKey('live', live.documentId), {
      title: live.title,
      label: '图文直播',
      date: formatChineseDate(event?.startsAt ?? live.publishedAt),
      url: absoluteUrl(paths.live(live)),
      picture: null,
    });
  }
  for (const quiz of campaign.records.quizzes) {
    for (const score of quizScores(quiz)) {
      inputs.set(posterKey('quiz', `${quiz.documentId}:${score}`), {
        title: `我在“${quiz.title}”中答对 ${score} 题（共 ${quiz.questions.length} 题）`,
        label: '知识竞答',
        date: '',
        url: absoluteUrl(paths.quiz(quiz)),
        picture: null,
        action: '扫码参加竞答',
      });
    }
  }
  return inputs;
}

/** Every score a reader of the quiz can get: 0 to its number of questions. */
export const quizScores = (quiz: Quiz) => Array.from({ length: quiz.questions.length + 1 }, (_, score) => score);
