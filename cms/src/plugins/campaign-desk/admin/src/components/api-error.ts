/** What went wrong with an admin API call: the message the CMS answered with (Strapi's error shape), or the request's own. */
export function messageOf(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } }).response;
  return response?.data?.error?.message ?? (error as Error).message;
}
