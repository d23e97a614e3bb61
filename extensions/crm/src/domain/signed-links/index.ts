export * from './token';
export { decodeBase64Url, encodeBase64Url } from './base64url';
