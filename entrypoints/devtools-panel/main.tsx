import { mountPanel } from '../../components/panel/mount';
import { bootPanelContext } from '../../lib/timeline/page-boot';

void bootPanelContext('panel').then(mountPanel);
