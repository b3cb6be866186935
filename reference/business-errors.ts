// The endpoint's documented business answers. They go out with HTTP 200 (the bizkithub profile's
// assumption; the docs only show 200), with the message text exactly as the documentation's table has it.
import { NO_FAULTS } from './faults.js';
import type { FaultSet } from './faults.js';

export const BUSINESS_ERROR_MESSAGES = {
  E001: 'Change password failed.',
  E002: 'You have entered a previously used password. For security reasons, please enter a new and unique password.',
  E003: 'Reset password request does not exist.',
  E004: 'Reset password request has been expired.',
} as const;

export type BusinessErrorCode = keyof typeof BUSINESS_ERROR_MESSAGES;

export interface BusinessErrorAnswer {
  success: false;
  errorCode: BusinessErrorCode;
  message: string;
}

export type SetNewPasswordAnswer = { success: true } | BusinessErrorAnswer;

export function businessError(code: BusinessErrorCode, faults: FaultSet = NO_FAULTS): BusinessErrorAnswer {
  let message: string = BUSINESS_ERROR_MESSAGES[code];
  if (faults.has('e003-message-reworded') && code === 'E003') message = 'Reset password request not found.';
  if (faults.has('e002-message-of-e001') && code === 'E002') message = BUSINESS_ERROR_MESSAGES.E001;
  return { success: false, errorCode: code, message };
}
