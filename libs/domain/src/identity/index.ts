// Identity and access: password, lockout and session rules, roles (三员) and the access decision. No I/O.
export * from './security-policy.ts';
export * from './password.ts';
export * from './lockout.ts';
export * from './login.ts';
export * from './session.ts';
export * from './roles.ts';
export * from './authorize.ts';
export * from './second-factor.ts';
export * from './account.ts';
