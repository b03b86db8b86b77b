/** The admin API of 点赞 in 统计 and 周报: the most liked items of each kind, as they stand now. */
export type MostLiked = {
  kinds: Array<{ kind: string; items: Array<{ documentId: string; title: string; count: number }> }>;
};
