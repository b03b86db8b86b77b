import { bootWithRecords } from './snapshot/records';
import { accessAndPublicUrl } from './snapshot/access';
import { exportAndSync } from './snapshot/sync';

bootWithRecords();
accessAndPublicUrl();
exportAndSync();
