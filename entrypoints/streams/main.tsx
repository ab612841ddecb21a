import { mountPanel } from '../../components/panel/mount';
import { focusFromSearch } from '../../lib/notify/links';
import { bootPanelContext } from '../../lib/panel/page-boot';

// A notification click opens this tab focused on its event.
void bootPanelContext('streams', focusFromSearch(location.search)).then(mountPanel);
