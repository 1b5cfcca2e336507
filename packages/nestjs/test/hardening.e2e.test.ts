import { nest11 } from './nest11-kit.js';
import { hardeningScenario } from './scenarios/hardening.scenario.js';

hardeningScenario(nest11);
