/** Called by a parser as it goes: the rows read from the file, then the rows checked. */
export type ParseReport = (event: { parsed: number } | { checked: number }) => void;
