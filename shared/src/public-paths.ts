/**
 * The site paths the CMS links to as well as the site: a story, a clause of the 《意见》, a quiz
 * and its result posters (the quiz's answers link to the clauses they test, their 解读 and the
 * reader's poster). Said here once;
 * the site's paths table (site/src/lib/paths.ts) takes them from here.
 */
type Slugged = { slug: string };

export const PUBLIC_PATHS = {
  story: (story: Slugged) => `/stories/${story.slug}/`,
  opinion: (opinion: Slugged) => `/opinions/${opinion.slug}/`,
  clause: (opinion: Slugged, clause: { documentId: string }) => `/opinions/${opinion.slug}/#clause-${clause.documentId}`,
  /** 知识竞答: one page per quiz. */
  quiz: (quiz: Slugged) => `/quiz/${quiz.slug}/`,
  /** A quiz's result poster (分享海报) for a score, 0 to its number of questions: the CMS's result links it. */
  quizPoster: (quiz: Slugged, score: number) => `/quiz/${quiz.slug}/haibao/${score}/`,
};
