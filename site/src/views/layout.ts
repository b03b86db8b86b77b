/** What every page's frame shows from the campaign: the places in its footer. */
import type { Campaign } from '../lib/campaign';

export const layoutView = (campaign: Campaign) => ({ places: campaign.places });
