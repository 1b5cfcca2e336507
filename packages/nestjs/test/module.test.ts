import { nest11 } from './nest11-kit.js';
import { moduleScenario } from './scenarios/module.scenario.js';
import { pushReceiverScenario } from './scenarios/push-receiver.scenario.js';

moduleScenario(nest11);
pushReceiverScenario(nest11);
