/** A table's head row of column titles, and how the admin writes an instant (Beijing time). */
import { Th, Thead, Tr, Typography } from '@strapi/design-system';

export const HeaderRow = ({ titles }: { titles: string[] }) => (
  <Thead>
    <Tr>
      {titles.map((title, index) => (
        <Th key={`${index}-${title}`}>
          <Typography variant="sigma">{title}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);

export const when = (instant: string | null) => (instant ? new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');
