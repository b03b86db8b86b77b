/** What every page's frame shows from the campaign: the places in its footer, and whether the build is a preview. */
import type { Campaign } from '../lib/campaign';

export const layoutView = (campaign: Campaign) => ({ places: campaign.records.places, preview: campaign.preview });
