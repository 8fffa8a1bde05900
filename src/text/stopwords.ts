import type { Language } from '../contract/taxonomy.js';

/** Function words: dropped from model features, and the first clue to a text's language. */
export const stopWordsNl: ReadonlySet<string> = new Set(
  (
    'de het een en of maar dat die dit deze van in op aan met voor naar bij uit om over door tot als dan ' +
    'ik je jij u hij zij ze we wij jullie mijn mij me jouw uw zijn haar ons onze hun hen er hier daar ' +
    'is ben bent was waren wordt worden word heb hebt heeft hadden had kan kun kunt kunnen wil wilt ' +
    'willen zou zouden moet moeten mag mogen ga gaat gaan doe doet deed dus ook nog al wel nu toch even ' +
    'wat wie waar wanneer hoe welke waarom zo heel erg te zich hallo hoi hey dag groet groeten graag ' +
    'alvast bedankt dank alstublieft aub svp ja nee oke ok oh eh hoor hé he ge gij da allez'
  ).split(' '),
);

export const stopWordsEn: ReadonlySet<string> = new Set(
  (
    'the a an and or but that this these those of in on at with for to from by about as than then ' +
    'i you he she it we they me my mine your yours our us their them his her its there here ' +
    'is am are was were be been being have has had do does did can could will would should shall may ' +
    'might must so just also still even now what who where when how which why very too hi hello hey ' +
    'dear thanks thank please pls yes no ok okay oh um if into up out get got'
  ).split(' '),
);

export function stopWords(language: Language): ReadonlySet<string> {
  return language === 'nl' ? stopWordsNl : stopWordsEn;
}
