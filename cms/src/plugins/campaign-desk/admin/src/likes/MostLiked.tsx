/** 点赞最多: the most liked good deeds, figures and adopted suggestions (统计 and 周报), counts as they stand now. */
import { Flex, Typography } from '@strapi/design-system';
import type { MostLiked as Figures } from '../../../common/likes-api';
import { useAdminGet } from '../components/useAdminGet';

const line = (items: Figures['kinds'][number]['items']) =>
  items.map((item, index) => `${index + 1}. ${item.title}（${item.count} 赞）`).join('；') || '暂无';

/** In the 统计 page's panel. */
export const MostLiked = () => {
  const { data, error } = useAdminGet<Figures>('/campaign-desk/likes/most-liked');
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {(data?.kinds ?? []).map((kind) => (
        <Typography key={kind.kind}>
          <strong>{kind.kind}</strong>：{line(kind.items)}
        </Typography>
      ))}
    </Flex>
  );
};

/** In the 周报, as a paragraph per kind. */
export const MostLikedReport = () => {
  const { data } = useAdminGet<Figures>('/campaign-desk/likes/most-liked');
  return (
    <>
      {(data?.kinds ?? []).map((kind) => (
        <p key={kind.kind}>
          {kind.kind}：{line(kind.items.slice(0, 5))}。
        </p>
      ))}
    </>
  );
};
