// Types for engine-client.mjs (for TypeScript engines and this project's tests).

/** An error answer of the endpoint, or "not-the-endpoint" when the answer was not signed with the token. */
export declare class EndpointError extends Error {
  readonly kind: string;
  readonly status: number;
}

/** One proof for one request, and the check of its answer's signature. */
export declare function proofRequest(options: { token: string; nonce: string; method?: string; url: string | URL }): {
  authorization: string;
  signedByEndpoint(body: Uint8Array, signatureHeader: string | null | undefined): boolean;
};

/** The `/v1/headers` answer, fetched with the mutual exchange and checked. */
export declare function twilioAuth(options: { token: string; endpoint?: string; account?: string }): Promise<{
  account: { name: string; accountSid: string; authType: 'authToken' | 'apiKey'; region: string };
  baseUrl: string;
  headers: { Authorization: string };
}>;
