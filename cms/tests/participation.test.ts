/**
 * Public participation through the public route, as readers (and floods) reach it, and the
 * newsroom's moderation through the admin API, as the 群众来稿 page calls it: validation,
 * origin, size, rate limits, the honeypot, the proof of work, the hostile set, photos,
 * encryption and retention of contact details, adoption through the publish path, and 点赞.
 */
import { bootPublicRoute } from './participation/reader';
import { publicRoute } from './participation/public-route';
import { photos } from './participation/photos';
import { sharedCounters } from './participation/counters';
import { moderationAndFloods } from './participation/moderation';
import { likes } from './participation/likes';

bootPublicRoute();
publicRoute();
photos();
moderationAndFloods();
sharedCounters();
likes();
