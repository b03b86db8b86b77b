/**
 * 群众来稿: what readers sent through the site's forms, by status. A pending submission is
 * adopted (a suggestion with the newsroom's reply, a good deed under a title: both published
 * at once), not adopted (with the reason), or turned into a draft story. Everything a reader
 * typed is rendered as text by React, never as markup; the contact is shown to moderators
 * only, for follow-up, and says when it will be deleted.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Field, Flex, Link, TextInput, Textarea, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { UID } from '../../../common/names';
import {
  KIND_LABELS,
  STATUS_LABELS,
  SUBMISSION_STATUSES,
  type Moderation,
  type SubmissionItem,
  type SubmissionList,
  type SubmissionStatus,
} from '../../../common/participation-api';
import { messageOf } from '../components/api-error';
import { when } from '../components/when';

const Line = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Typography tag="p" variant="omega">
    <Typography variant="sigma" textColor="neutral600">
      {label}：
    </Typography>{' '}
    {children}
  </Typography>
);

/** A waiting photo is not public: it is read with the moderator's token and shown from memory. */
const Photo = ({ photo }: { photo: NonNullable<SubmissionItem['photo']> }) => {
  const { get } = useFetchClient();
  const [src, setSrc] = useState(photo.held ? null : photo.url);
  useEffect(() => {
    if (!photo.held) return;
    let url: string | null = null;
    let gone = false;
    get<Blob>(photo.url, { responseType: 'blob' })
      .then(({ data }) => {
        if (gone) return;
        url = URL.createObjectURL(data);
        setSrc(url);
      })
      .catch(() => {});
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [get, photo.held, photo.url]);
  if (!src) return <Typography textColor="neutral600">照片载入中……</Typography>;
  return <img src={src} alt="读者上传的照片" style={{ maxWidth: '20rem', width: '100%', height: 'auto' }} />;
};

const Pending = ({ item, onDone }: { item: SubmissionItem; onDone: (message: string) => void }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [reply, setReply] = useState('');
  const [title, setTitle] = useState(
    item.kind === 'goodDeed' ? `${item.doer ?? ''}${item.text ? `：${[...item.text].slice(0, 20).join('')}` : ''}`.slice(0, 100) : '',
  );
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function moderate(step: Moderation, done: string) {
    setBusy(true);
    try {
      await post(`/campaign-desk/submissions/${item.documentId}/moderate`, step);
      onDone(done);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  const suggestion = item.kind === 'suggestion';
  return (
    <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
      {suggestion ? (
        <Field.Root name={`reply-${item.documentId}`} hint="与建议一同在网站上公布">
          <Field.Label>回复</Field.Label>
          <Textarea value={reply} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReply(event.target.value)} />
          <Field.Hint />
        </Field.Root>
      ) : (
        <Field.Root name={`title-${item.documentId}`} hint="好事在网站上显示的标题">
          <Field.Label>标题</Field.Label>
          <TextInput value={title} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTitle(event.target.value)} />
          <Field.Hint />
        </Field.Root>
      )}
      <Flex gap={2} wrap="wrap">
        <Button
          loading={busy}
          disabled={suggestion ? reply.trim().length < 2 : title.trim().length < 2}
          onClick={() => void moderate(suggestion ? { action: 'adopt', reply } : { action: 'adopt', title }, '已采纳并发布')}
        >
          采纳并发布
        </Button>
        <Button variant="secondary" loading={busy} onClick={() => void moderate({ action: 'convert' }, '已转为稿件草稿')}>
          转为稿件
        </Button>
      </Flex>
      <Field.Root name={`reason-${item.documentId}`} hint="不公开，留作记录">
        <Field.Label>未采纳的原因</Field.Label>
        <TextInput value={reason} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setReason(event.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Box>
        <Button
          variant="danger-light"
          loading={busy}
          disabled={reason.trim().length < 2}
          onClick={() => void moderate({ action: 'reject', reason }, '已标为未采纳')}
        >
          不采纳
        </Button>
      </Box>
    </Flex>
  );
};

const Submission = ({ item, onDone }: { item: SubmissionItem; onDone: (message: string) => void }) => (
  <Box tag="article" aria-label={`${KIND_LABELS[item.kind]}来稿`} background="neutral0" hasRadius shadow="tableShadow" padding={5}>
    <Flex gap={2} wrap="wrap" paddingBottom={2}>
      <Badge active>{KIND_LABELS[item.kind]}</Badge>
      <Badge>{STATUS_LABELS[item.status]}</Badge>
      {item.flags.length > 0 && <Badge variant="danger">含敏感词：{item.flags.join('、')}</Badge>}
      {!item.proven && <Badge variant="warning">未经人机验证（无脚本表单）</Badge>}
      <Typography variant="pi" textColor="neutral600">
        {when(item.receivedAt)}
      </Typography>
    </Flex>
    {item.topic && <Line label="建议方向">{item.topic}</Line>}
    {item.doer && <Line label="做好事的人">{item.doer}</Line>}
    {(item.place || item.date) && <Line label="时间地点">{[item.date, item.place].filter(Boolean).join(' · ')}</Line>}
    {item.figure && <Line label="接力">{item.figure}</Line>}
    {item.text && (
      <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {item.text}
      </Typography>
    )}
    {item.photo && (
      <Box paddingTop={2}>
        <Photo photo={item.photo} />
      </Box>
    )}
    <Line label="署名">{item.name ?? '（未署名）'}</Line>
    <Line label="联系方式（仅供回访，不公开）">
      {item.contact ? `${item.contact}（${item.contactDeletedOn} 自动删除）` : '（未留或已删除）'}
    </Line>
    {item.reply && <Line label="回复">{item.reply}</Line>}
    {item.reason && <Line label="未采纳的原因">{item.reason}</Line>}
    {item.moderator && item.moderatedAt && <Line label="审核">{`${item.moderator}，${when(item.moderatedAt)}`}</Line>}
    {item.story && (
      <Line label="稿件">
        <Link tag={NavLink} to={`/content-manager/collection-types/${UID.story}/${item.story.documentId}`}>
          {item.story.title}
        </Link>
      </Line>
    )}
    {item.status === 'pending' && <Pending item={item} onDone={onDone} />}
  </Box>
);

const SubmissionsPage = () => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [status, setStatus] = useState<SubmissionStatus>('pending');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<SubmissionList | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setList((await get<SubmissionList>(`/campaign-desk/submissions?status=${status}&page=${page}`)).data);
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, [get, status, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const done = (message: string) => {
    toggleNotification({ type: 'success', message });
    void load();
  };

  return (
    <Page.Main>
      <Page.Title>群众来稿</Page.Title>
      <Layouts.Header title="群众来稿" subtitle="读者通过专题网站提交的建言献策和好人好事。采纳后才会在网站上公布。" />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={2} wrap="wrap" role="group" aria-label="按状态筛选">
            {SUBMISSION_STATUSES.map((key) => (
              <Button
                key={key}
                variant={key === status ? 'default' : 'tertiary'}
                aria-pressed={key === status}
                onClick={() => {
                  setStatus(key);
                  setPage(1);
                }}
              >
                {STATUS_LABELS[key]}（{list?.counts[key] ?? '…'}）
              </Button>
            ))}
          </Flex>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {list && list.items.length === 0 && <Typography>没有{STATUS_LABELS[status]}的来稿。</Typography>}
          {list?.items.map((item) => (
            <Submission key={item.documentId} item={item} onDone={done} />
          ))}
          {list && list.pageCount > 1 && (
            <Flex gap={2}>
              <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                上一页
              </Button>
              <Typography>
                第 {page} / {list.pageCount} 页
              </Typography>
              <Button variant="tertiary" disabled={page >= list.pageCount} onClick={() => setPage(page + 1)}>
                下一页
              </Button>
            </Flex>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default SubmissionsPage;
