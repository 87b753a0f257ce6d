/** The issuer an authenticator app shows beside the platform's one-time codes (the second factor's TOTP URI). */
export const HENGYANG_TOTP_ISSUER = '衡阳教育';
