import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

/** An enumeration value in a list cell, by its label (the value itself where none exists). */
export const EnumerationLabel = ({ value }: { value: unknown }) => {
  const { formatMessage } = useIntl();
  if (typeof value !== 'string' || value === '') return <Typography textColor="neutral800">-</Typography>;
  return <Typography textColor="neutral800">{formatMessage({ id: value, defaultMessage: value })}</Typography>;
};
