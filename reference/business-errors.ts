// The endpoint's documented business answers. They go out with HTTP 200 (the bizkithub profile's
// assumption; the docs only show 200), with the message text exactly as the documentation's table has it.

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

export function businessError(code: BusinessErrorCode): BusinessErrorAnswer {
  return { success: false, errorCode: code, message: BUSINESS_ERROR_MESSAGES[code] };
}
