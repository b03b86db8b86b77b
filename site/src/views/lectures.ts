/**
 * 宣讲点单 (四.7): the 宣讲菜单 (the two lecture groups, who is in each, and the topics they
 * offer) and a topic's page with the form a unit books it with (posted to the CMS).
 */
import { LECTURE_AUDIENCES, LECTURE_GROUPS, nameOf, type LectureTopic, type Place } from '@campaign-desk/shared';
import { paths } from '../lib/paths';
import type { PageFamily } from './page-family';
import { single } from './page-family';

export type TopicItem = { topic: LectureTopic; href: string; group: string; audiences: string };

const itemOf = (topic: LectureTopic): TopicItem => ({
  topic,
  href: paths.lectureTopic(topic),
  group: nameOf(LECTURE_GROUPS, topic.group),
  audiences: topic.audiences.length ? topic.audiences.map((key) => nameOf(LECTURE_AUDIENCES, key)).join('、') : '机关、企业、社区、农村',
});

export type LectureMenuView = {
  groups: Array<{ key: string; name: string; members: string[]; topics: TopicItem[] }>;
};

export const lectureMenuPage = single(
  paths.lectures,
  (campaign): LectureMenuView => ({
    groups: LECTURE_GROUPS.map((group) => {
      const topics = campaign.records.lectureTopics.filter((topic) => topic.group === group.key);
      return {
        key: group.key,
        name: group.name,
        members: [...new Set(topics.flatMap((topic) => topic.speakers))],
        topics: topics.map(itemOf),
      };
    }),
  }),
);

export type LectureTopicView = { item: TopicItem; places: Place[] };

export const lectureTopicPages: PageFamily<{ slug: string }, LectureTopicView> = {
  pages: (campaign) => campaign.records.lectureTopics.map((topic) => ({ path: paths.lectureTopic(topic), params: { slug: topic.slug } })),
  view: (campaign, { slug }) => {
    const topic = campaign.records.bySlug.lectureTopics.get(slug);
    return topic ? { item: itemOf(topic), places: campaign.records.places } : null;
  },
};
