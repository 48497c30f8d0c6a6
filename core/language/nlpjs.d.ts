// The part of NLP.js's stemmers (no bundled types) that stem.ts uses.
declare module "@nlpjs/lang-en-min" {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
declare module "@nlpjs/lang-ru" {
  export class StemmerRu {
    stemWord(word: string): string;
  }
}
