/**
 * The coverage desk through the admin HTTP API, as real role accounts use it: a reporting
 * plan with topics assigned and fulfilled, a placement through every state (public and
 * counted only once verified), and partner outlets reporting with their own tokens.
 */
import { bootNewsroom } from './coverage-desk/newsroom';
import { reportingPlan } from './coverage-desk/reporting-plan';
import { placement } from './coverage-desk/placement';
import { partnerOutlet } from './coverage-desk/partner';

bootNewsroom();
reportingPlan();
placement();
partnerOutlet();
