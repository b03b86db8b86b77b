/**
 * The admin HTTP API as the newsroom uses it: real accounts of a role, logged in, calling its
 * routes (made and called through @campaign-desk/testing/newsroom, which the end-to-end tests
 * share), and the moves the CMS suites make often.
 */
import { call, signUp, type Person } from '@campaign-desk/testing/newsroom';
import type { TestCms } from './strapi';

export type Session = Person;

export interface Answer {
  status: number;
  body: Record<string, any>;
}

/** A 1×1 PNG: the smallest image the media library takes. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');

export function adminApi(cms: TestCms) {
  async function answer(response: Response): Promise<Answer> {
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, any> };
  }

  return {
    /** An active account holding the role `roleCode`, logged in. */
    signUp: (roleCode: string, name: string): Promise<Session> => signUp(cms, roleCode, name),

    /** The people a story passes: a reporter, then 责任编辑 and 部门主任 (editors), then 总编 (the chief editor). */
    async newsroom(): Promise<Record<'reporter' | 'editor' | 'deskHead' | 'chief', Session>> {
      return {
        reporter: await this.signUp('campaign-desk-reporter', '记者'),
        editor: await this.signUp('campaign-desk-editor', '编辑'),
        deskHead: await this.signUp('campaign-desk-editor', '部门主任'),
        chief: await this.signUp('campaign-desk-chief-editor', '主编'),
      };
    },

    call: (session: Session, method: string, path: string, body?: unknown): Promise<Answer> => call(cms, session, method, path, body),

    /** A review move as the 审稿 panel makes it: from the stage the reviewer sees now. */
    async review(session: Session, documentId: string, action: string, comment?: string): Promise<Answer> {
      const { body } = await this.call(session, 'GET', `/campaign-desk/stories/${documentId}/review`);
      return this.call(session, 'POST', `/campaign-desk/stories/${documentId}/review`, {
        action,
        stage: body.stage,
        ...(comment === undefined ? {} : { comment }),
      });
    },

    /**
     * 三审 of a story by the people of `newsroom()`: 送审 by the reporter, 初审 by the editor,
     * 复审 by the desk head, 终审 by the chief; a move refused fails the test with its answer.
     */
    async approve(people: Record<'reporter' | 'editor' | 'deskHead' | 'chief', Session>, documentId: string): Promise<void> {
      for (const [who, action] of [
        ['reporter', 'submit'],
        ['editor', 'first'],
        ['deskHead', 'second'],
        ['chief', 'final'],
      ] as const) {
        const answer = await this.review(people[who], documentId, action);
        if (answer.status !== 200)
          throw new Error(`${action} of ${documentId} by the ${who}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    },

    /**
     * Uploads a file to the media library (`POST /upload`), or replaces file `replace` with it:
     * a one-pixel PNG unless `file` says otherwise.
     */
    async upload(
      session: Session,
      name: string,
      replace?: number,
      file: { body: Uint8Array | string; type: string; extension: string } = { body: PIXEL, type: 'image/png', extension: 'png' },
    ): Promise<Answer> {
      const form = new FormData();
      const fileName = `${name}.${file.extension}`;
      // Copied into a plain ArrayBuffer-backed array, the one kind Blob takes whatever the lib's typings.
      form.append(
        'files',
        new Blob([typeof file.body === 'string' ? file.body : new Uint8Array(file.body)], { type: file.type }),
        fileName,
      );
      form.append('fileInfo', JSON.stringify({ name: fileName }));
      const response = await fetch(`${cms.url}/upload${replace === undefined ? '' : `/files/${replace}/replace`}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${session.token}` },
        body: form,
      });
      return answer(response);
    },
  };
}
