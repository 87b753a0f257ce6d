export declare const DEMO_TOTP_SECRET: string;
export declare function demoCode(at?: number): string;
