/** A table's head row of column titles. */
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
