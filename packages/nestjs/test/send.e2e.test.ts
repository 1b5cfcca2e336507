import { nest11 } from './nest11-kit.js';
import { sendScenario } from './scenarios/send.scenario.js';

sendScenario(nest11);
