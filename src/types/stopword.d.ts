// stopword ships no type declarations; these are the parts the project uses.
declare module 'stopword' {
  /** English stop words. */
  export const eng: string[];
}
