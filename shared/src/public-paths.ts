/**
 * The site paths the CMS links to as well as the site: a story, a clause of the 《意见》 and a
 * quiz (the quiz's answers link to the clauses they test and to their 解读). Said here once;
 * the site's paths table (site/src/lib/paths.ts) takes them from here.
 */
type Slugged = { slug: string };

export const PUBLIC_PATHS = {
  story: (story: Slugged) => `/stories/${story.slug}/`,
  opinion: (opinion: Slugged) => `/opinions/${opinion.slug}/`,
  clause: (opinion: Slugged, clause: { documentId: string }) => `/opinions/${opinion.slug}/#clause-${clause.documentId}`,
  /** 知识竞答: one page per quiz. */
  quiz: (quiz: Slugged) => `/quiz/${quiz.slug}/`,
};
