import { nest11 } from './nest11-kit.js';
import { otpScenario } from './scenarios/otp.scenario.js';

otpScenario(nest11);
