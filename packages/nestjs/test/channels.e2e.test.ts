import { nest11 } from './nest11-kit.js';
import { channelsScenario } from './scenarios/channels.scenario.js';

channelsScenario(nest11);
