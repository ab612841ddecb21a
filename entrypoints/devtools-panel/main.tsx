import { mountPanel } from '../../components/panel/mount';
import { bootPanelContext } from '../../lib/panel/page-boot';

void bootPanelContext('panel').then(mountPanel);
