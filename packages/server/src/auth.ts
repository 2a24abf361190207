/**
 * Who is calling: a JWT signed by the portal (HS256, `HOSO_JWT_SECRET`) with the claims `sub` (user id),
 * `name`, `roles` (the abstract roles of the procedures: `commune-officer`, `commune-pc-chair`, …) and
 * `commune` (the commune code the user works for). `exp` is required. Without a secret the server uses the
 * public development secret `DEV_JWT_SECRET` (documented in docs/server.md) and says so.
 */
import { SignJWT, jwtVerify, errors } from 'jose';

export const DEV_JWT_SECRET = 'hoso-dev-secret: public, for the demo only, never in production';
export const DEV_SECRET_NOTICE =
  'HOSO_JWT_SECRET is not set: tokens are checked with the PUBLIC development secret. Anyone can sign in as anyone.';

export interface User {
  sub: string;
  name: string;
  roles: string[];
  commune: string;
}

export class AuthError extends Error {
  constructor(
    readonly code: 'unauthorized' | 'token-expired' | 'token-invalid',
    message: string,
  ) {
    super(message);
  }
}

const secretKey = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/** Checks the signature, the expiry and the claims; throws `AuthError` saying which is wrong. */
export async function verifyToken(header: string | undefined, secret: string): Promise<User> {
  if (!header) throw new AuthError('unauthorized', 'no Authorization header');
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new AuthError('unauthorized', 'the Authorization header is not "Bearer <token>"');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(m[1]!, secretKey(secret), { algorithms: ['HS256'], requiredClaims: ['exp'] }));
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw new AuthError('token-expired', 'the token has expired');
    throw new AuthError('token-invalid', `the token is not valid: ${(e as Error).message}`);
  }
  const { sub, name, roles, commune } = payload;
  if (typeof sub !== 'string' || !sub) throw new AuthError('token-invalid', 'the token has no "sub"');
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string'))
    throw new AuthError('token-invalid', 'the token\'s "roles" is not a list of strings');
  if (typeof commune !== 'string' || !commune) throw new AuthError('token-invalid', 'the token has no "commune"');
  return { sub, name: typeof name === 'string' ? name : sub, roles: roles as string[], commune };
}

/** Signs a token (the portal's job; used by `hoso serve --dev-token`, tests and the bench). */
export function signToken(user: User, secret: string, expiresIn: string | number = '12h'): Promise<string> {
  return new SignJWT({ name: user.name, roles: user.roles, commune: user.commune })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secretKey(secret));
}
