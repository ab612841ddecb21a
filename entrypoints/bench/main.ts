// Bench builds only (see wxt.config.ts): the page the bench runner drives, in bench/page/.
import { runAgent } from '../../bench/page/agent';

void runAgent();
