/** How the admin writes an instant: Beijing time, as the newsroom reads it; '—' when there is none. */
export const when = (instant: string | null) => (instant ? new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');
