export { GptError } from './gpterror';
export { SDKError, type ApiErrorDetails, type SDKErrorInit } from './sdkerror';
export { ConnectionError, IncompleteStreamError, RequestTimeoutError, RequestAbortedError } from './httpclienterrors';
export { ResponseValidationError } from './responsevalidationerror';
export { ApiKeyInRequestError, RequestValidationError } from './requestvalidationerror';
