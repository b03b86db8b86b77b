/**
 * How the figures of 统计 reach the database: tables and columns read from Strapi's metadata
 * (never spelled here, so they follow the content types), Shanghai calendar days in SQL on
 * SQLite and PostgreSQL alike, and the filter that leaves sample content out.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { UID } from '../../../../common/names';

export type Uid = (typeof UID)[keyof typeof UID];
export type Row = Record<string, unknown>;

const SHANGHAI_OFFSET = '+08:00';

/** The first instant of a Shanghai calendar day, and of the day after. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00${SHANGHAI_OFFSET}`);
}
export function dayAfter(day: string): Date {
  return new Date(dayStart(day).getTime() + 86_400_000);
}

export const count = (value: unknown) => Number(value ?? 0);

/** The query helpers of one Strapi: what every table of 统计 is built from. */
export function statisticsSql(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection as unknown as Knex;
  const postgres = () => strapi.db.dialect.client === 'postgres';
  /**
   * Grouping by the first column selected: an expression with bindings cannot be repeated in
   * GROUP BY on PostgreSQL, which numbers each binding anew and so sees a different expression.
   */
  const byFirst = () => knex().raw('1');

  function table(uid: Uid): string {
    return strapi.db.metadata.get(uid).tableName;
  }
  function column(uid: Uid, attribute: string): string {
    const meta = strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string } | undefined;
    if (!meta) throw new Error(`statistics: ${uid} has no attribute ${attribute}`);
    return meta.columnName ?? attribute;
  }
  function link(uid: Uid, attribute: string): { name: string; from: string; to: string } {
    const { joinTable } = strapi.db.metadata.get(uid).attributes[attribute] as {
      joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
    };
    return { name: joinTable.name, from: joinTable.joinColumn.name, to: joinTable.inverseJoinColumn.name };
  }

  /**
   * A datetime column as a Shanghai calendar day ('YYYY-MM-DD'), or the Monday of its week.
   * SQLite holds Strapi's datetimes as epoch milliseconds; PostgreSQL as timestamps without
   * zone in the zone of the Node process that wrote them (node-postgres sends local time).
   */
  function dayOf(qualified: string, week = false): Knex.Raw {
    if (postgres()) {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const local = `((?? AT TIME ZONE ?) AT TIME ZONE 'Asia/Shanghai')`;
      return week
        ? knex().raw(`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`, [qualified, zone])
        : knex().raw(`to_char(${local}, 'YYYY-MM-DD')`, [qualified, zone]);
    }
    return week
      ? knex().raw(`date(?? / 1000, 'unixepoch', '+8 hours', 'weekday 0', '-6 days')`, [qualified])
      : knex().raw(`strftime('%Y-%m-%d', ?? / 1000, 'unixepoch', '+8 hours')`, [qualified]);
  }

  /** Milliseconds from one datetime column to another. */
  function millisBetween(earlier: string, later: string): Knex.Raw {
    return postgres() ? knex().raw('EXTRACT(EPOCH FROM (?? - ??)) * 1000', [later, earlier]) : knex().raw('(?? - ??)', [later, earlier]);
  }

  /** Not sample content: the flag is false, or (rows older than the flag) unset. */
  function notSample(builder: Knex.QueryBuilder, qualified: string) {
    return builder.where((where) => where.where(qualified, false).orWhereNull(qualified));
  }

  return { knex, byFirst, table, column, link, dayOf, millisBetween, notSample };
}

export type StatisticsSql = ReturnType<typeof statisticsSql>;
