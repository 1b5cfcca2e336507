/** The platform's address (SPEC §1). */
export const DEFAULT_BASE_URL = 'https://opassapi.infocloud.cc';
//# sourceMappingURL=options.js.map