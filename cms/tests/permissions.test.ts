/**
 * Who may do what, through the admin API as real accounts of every role (记者, 编辑, 主编 and
 * Super Admin): the role matrix, made from the roles table, walked cell by cell (every content
 * type × create, read, update, delete, publish; every review move; the outbox; the media
 * library), and the developers' table (docs/developer/roles.md) compared with the one the
 * matrix prints. Then the media library's rules no role escapes, and the roles of an older
 * database limited once.
 *
 * Content types and actions come from names.ts and the roles table: one added there is walked
 * here without a change to this file (records of any type come from tests/support/sample-records.ts).
 */
import { bootWithEveryRole } from './permissions/sessions';
import { roleMatrix } from './permissions/role-matrix';
import { mediaLibraryAndOldRoles } from './permissions/media-library';

bootWithEveryRole();
roleMatrix();
mediaLibraryAndOldRoles();
