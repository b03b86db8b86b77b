/**
 * The language of the admin panel: newsrooms work in Simplified Chinese. The admin bundle
 * (app.tsx) offers it and starts in it; the server (index.ts) gives it to new accounts.
 * English stays available in each person's profile.
 */
export const ADMIN_LOCALE = 'zh-Hans';
