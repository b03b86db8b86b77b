/**
 * 合作媒体令牌 (Settings): issue a partner outlet its token (shown once), see when each was
 * last used, revoke one. The partner reads the snapshot and reports its republications with it.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { UID } from '../../../common/names';
import type { PartnerTokenView } from '../../../common/partner-api';
import { HeaderRow } from '../components/HeaderRow';
import { when } from '../components/when';
import { messageOf } from '../components/api-error';

interface Outlet {
  documentId: string;
  name: string;
}

const PartnerTokensPage = () => {
  const { get, post } = useFetchClient();
  const [tokens, setTokens] = useState<PartnerTokenView[]>([]);
  const [outlets, setOutlets] = useState<Outlet[]>([]);
  const [outletId, setOutletId] = useState('');
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setTokens((await get<PartnerTokenView[]>('/campaign-desk/partner-tokens')).data);
  }, [get]);
  const failed = (caught: unknown) => setError(messageOf(caught));
  useEffect(() => {
    void load().catch(failed);
    get<{ results: Outlet[] }>(`/content-manager/collection-types/${UID.outlet}?pageSize=100&sort=name:ASC`)
      .then((response) => setOutlets(response.data.results))
      .catch(failed);
    // `failed` only sets state: the effect need not run again when it is made anew.
  }, [get, load]);

  const issue = async () => {
    try {
      const response = await post<{ token: string }>('/campaign-desk/partner-tokens', { outletId, label });
      setIssued(response.data.token);
      setLabel('');
      setError(null);
      await load();
    } catch (caught) {
      failed(caught);
    }
  };
  const revoke = async (documentId: string) => {
    try {
      await post(`/campaign-desk/partner-tokens/${documentId}/revoke`, {});
      await load();
    } catch (caught) {
      failed(caught);
    }
  };

  return (
    <Page.Main>
      <Page.Title>合作媒体令牌</Page.Title>
      <Layouts.Header title="合作媒体令牌" subtitle="合作媒体用令牌读取稿件快照、回报转载刊播；每个令牌只代表一家媒体，可随时收回" />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Flex gap={4} alignItems="end" wrap="wrap">
              <Field.Root name="outlet" required>
                <Field.Label>媒体</Field.Label>
                <SingleSelect placeholder="选择媒体" value={outletId} onChange={(value: string | number) => setOutletId(String(value))}>
                  {outlets.map((outlet) => (
                    <SingleSelectOption key={outlet.documentId} value={outlet.documentId}>
                      {outlet.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              <Field.Root name="label" required>
                <Field.Label>用途</Field.Label>
                <TextInput
                  placeholder="如：湖北日报要闻部"
                  value={label}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => setLabel(event.target.value)}
                />
              </Field.Root>
              <Button disabled={!outletId || !label.trim()} onClick={() => void issue()}>
                生成令牌
              </Button>
            </Flex>
            {issued && (
              <Box marginTop={4} padding={4} background="success100" hasRadius>
                <Typography fontWeight="bold">新令牌只显示这一次，请复制后交给对方媒体：</Typography>
                <Box marginTop={2}>
                  <Typography tag="code" style={{ wordBreak: 'break-all' }}>
                    {issued}
                  </Typography>
                </Box>
              </Box>
            )}
            {error && (
              <Box marginTop={4}>
                <Typography textColor="danger600">{error}</Typography>
              </Box>
            )}
          </Box>
          <Table colCount={6} rowCount={tokens.length + 1}>
            <HeaderRow titles={['媒体', '用途', '令牌开头', '签发', '最近使用', '']} />
            <Tbody>
              {tokens.map((token) => (
                <Tr key={token.documentId}>
                  <Td>
                    <Typography>{token.outlet?.name ?? '（媒体已删除）'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{token.label}</Typography>
                  </Td>
                  <Td>
                    <Typography tag="code">{`${token.prefix}…`}</Typography>
                  </Td>
                  <Td>
                    <Typography>{`${token.issuedBy} · ${when(token.createdAt)}`}</Typography>
                  </Td>
                  <Td>
                    <Typography>{when(token.lastUsedAt)}</Typography>
                  </Td>
                  <Td>
                    {token.revokedAt ? (
                      <Badge>{`已收回 ${when(token.revokedAt)}`}</Badge>
                    ) : (
                      <Button variant="danger-light" size="S" onClick={() => void revoke(token.documentId)}>
                        收回
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default PartnerTokensPage;
