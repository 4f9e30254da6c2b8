/** Strings of the panels surface. */
export const panelsEn = {} as const;
