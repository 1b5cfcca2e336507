import { nest11 } from './nest11-kit.js';
import { signatureGuardScenario } from './scenarios/signature-guard.scenario.js';

signatureGuardScenario(nest11);
