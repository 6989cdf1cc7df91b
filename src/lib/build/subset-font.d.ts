/** The `subset-font` package ships no types: the one call font-core-subset.ts makes. */
declare module 'subset-font' {
  /** `font` cut down to the characters of `text`, in the format asked for. */
  export default function subsetFont(font: Uint8Array, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' }): Promise<Buffer>;
}
