import { EnumerationLabel } from './components/EnumerationLabel';

interface Header {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: (row: Record<string, unknown>) => React.ReactNode;
}

/** List cells of enumerations show labels (消息, 终审通过) rather than stored keys. */
export function labelEnumerationCells<T extends { displayedHeaders: Header[] }>(args: T): T {
  return {
    ...args,
    displayedHeaders: args.displayedHeaders.map((header) =>
      header.attribute?.type === 'enumeration' && !header.cellFormatter
        ? { ...header, cellFormatter: (row: Record<string, unknown>) => <EnumerationLabel value={row[header.name]} /> }
        : header,
    ),
  };
}
