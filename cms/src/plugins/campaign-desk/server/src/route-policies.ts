/** Who may reach an admin route: the policies the features' routes share. */
export const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };

/** An authenticated admin whose roles grant `actions` (an action, or an action on a subject). */
export const allowed = (...actions: Array<string | [string, string]>) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});
