// How the page calls work reassignment: at /v2025 from the origin (the server's sandbox, or the tenant proxy that
// forwards exactly these paths), always with the experimental header the API requires there.
import { EXPERIMENTAL_HEADER, EXPERIMENTAL_VALUE } from '../../../contract/work-reassignment.ts';
import type { RequestOptions } from '../http.ts';

export const REASSIGNMENT_PATH = 'v2025/reassignment-configurations';

/** The options every work reassignment call carries. */
export const reassignmentOptions = (signal?: AbortSignal): Pick<RequestOptions, 'base' | 'headers' | 'signal'> => ({
  base: 'root',
  headers: { [EXPERIMENTAL_HEADER]: EXPERIMENTAL_VALUE },
  signal,
});
