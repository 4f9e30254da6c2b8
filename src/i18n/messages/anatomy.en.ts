/** Strings of the anatomy surface. */
export const anatomyEn = {} as const;
