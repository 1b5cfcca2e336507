import { nest11 } from './nest11-kit.js';
import { pushScenario } from './scenarios/push.scenario.js';

pushScenario(nest11);
