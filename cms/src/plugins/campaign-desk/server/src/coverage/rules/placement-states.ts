/**
 * A placement moves along its states one allowed step at a time (common/placement-states.ts)
 * and holds what its state needs: a pitch its date and contact; a carried or verified
 * placement the day it ran and its URL or page/slot; one a person verifies, the evidence they
 * checked (an import, code acting on its own, is trusted as imported stories are). Judged on the saved row, inside the write's transaction, so whatever shape the
 * admin or an API sends, a placement that falls short is rolled back with the fields named.
 */
import type { PlacementState } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITOR_LABELS, labelAndHint } from '../../../../common/editor-labels';
import { UID } from '../../../../common/names';
import { PLACEMENT_MOVES, placementStateName } from '../../../../common/placement-states';
import { editOf, paramsOf } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import { actingUser } from '../../request-context';

type Row = Record<string, unknown> & { state: PlacementState };

const labelOf = (field: string) => `${labelAndHint(EDITOR_LABELS.placement.fields[field] ?? field)[0]}（${field}）`;

/** A missing field as the editor's form labels it, with its key for API callers; `url` stands for a URL or a page or slot. */
const missingName = (field: string) => (field === 'url' ? `${labelOf('url')}或${labelOf('slot')}` : labelOf(field));

const filled = (value: unknown) => value !== null && value !== undefined && String(value).trim() !== '';

/** The fields a placement in `state` lacks; `byPerson`: a person, not code, verifies it. */
export function missingFor(state: PlacementState, row: Record<string, unknown>, byPerson: boolean): string[] {
  const missing = ['story', 'outlet'].filter((field) => !row[field]);
  if (state === 'pitched') missing.push(...['pitchedOn', 'contact'].filter((field) => !filled(row[field])));
  if (state === 'carried' || state === 'verified') {
    if (!filled(row.date)) missing.push('date');
    if (!filled(row.url) && !filled(row.slot)) missing.push('url');
  }
  if (state === 'verified' && byPerson && !row.evidence) missing.push('evidence');
  return missing;
}

export default (strapi: Core.Strapi): Step =>
  step('placementStates', ['create', 'update'], async (context) => {
    const edit = context.uid === UID.placement ? editOf(context.action, paramsOf(context)) : null;
    if (!edit) return;
    const placements = strapi.db.query(UID.placement);
    const before = edit.documentId
      ? ((await placements.findOne({ where: { documentId: edit.documentId }, select: ['state'] })) as Pick<Row, 'state'> | null)
      : null;

    return async (result) => {
      const documentId = edit.documentId ?? (result as { documentId?: string } | null)?.documentId;
      const row = (await placements.findOne({
        where: { documentId },
        populate: { story: { select: ['id'] }, outlet: { select: ['id'] }, evidence: { select: ['id'] } },
      })) as Row | null;
      if (!row) return;
      if (before && before.state !== row.state && !PLACEMENT_MOVES[before.state].includes(row.state)) {
        throw new errors.ValidationError(
          `上稿记录当前为“${placementStateName(before.state)}”，不能改为“${placementStateName(row.state)}”`,
          {
            errors: [
              {
                path: ['state'],
                message: `可改为：${PLACEMENT_MOVES[before.state].map(placementStateName).join('、')}`,
                name: 'ValidationError',
              },
            ],
          },
        );
      }
      const missing = missingFor(row.state, row, actingUser(strapi) !== null);
      if (missing.length > 0) {
        throw new errors.ValidationError(`“${placementStateName(row.state)}”的上稿记录须填写${missing.map(missingName).join('、')}`, {
          errors: missing.map((field) => ({ path: [field], message: `须填写${missingName(field)}`, name: 'ValidationError' })),
        });
      }
    };
  });
