import { mountPanel } from '../../components/panel/mount';
import { focusFromSearch } from '../../lib/notify/links';
import { bootPanelContext } from '../../lib/panel/page-boot';

// The history page ("Open history"). Its folder is `streams`, not `history`: WXT builds an
// entrypoint named `history` as an override of the browser's own history page.
// A notification click opens this tab focused on its event.
void bootPanelContext('streams', focusFromSearch(location.search)).then(mountPanel);
