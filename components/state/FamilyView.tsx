import type { EndpointState } from '../../lib/state/index';
import { GenericView } from './GenericView';
import { KanbanView } from './KanbanView';
import { NotificationsView } from './NotificationsView';
import { OfficePlaneView } from './OfficePlaneView';
import { OpenCodeView } from './OpenCodeView';
import { PlansView } from './PlansView';

/** The endpoint's state shown the way its own app shows it. */
export function FamilyView({ slice }: { slice: EndpointState }) {
  switch (slice.family) {
    case 'kanban':
      return <KanbanView s={slice} />;
    case 'plans':
      return <PlansView s={slice} />;
    case 'opencode':
      return <OpenCodeView s={slice} />;
    case 'officeplane':
      return <OfficePlaneView s={slice} />;
    case 'notifications':
      return <NotificationsView s={slice} />;
    case 'generic':
      return <GenericView s={slice} />;
  }
}
