import { describe, expect, it } from 'vitest';
import { strip } from '../../../src/core/strip.js';

const SAMPLES: [string, string][] = [
  ['en', 'The council said that it would not be able to finish the work before the end of the year, because the money had run out.'],
  ['de', 'Die Stadt will in den kommenden zwei Jahren mehr als zwanzig Kilometer neue Radwege bauen, die vor allem die Wohngebiete verbinden sollen.'],
  ['fr', "La ville a annoncé qu'elle allait construire de nouvelles pistes cyclables dans le centre, mais les travaux ne commenceront pas avant l'été."],
  ['es', 'El ayuntamiento ha anunciado que construirá nuevos carriles para bicicletas en el centro de la ciudad, pero las obras no empezarán hasta el verano.'],
  ['it', 'Il comune ha annunciato che costruirà nuove piste ciclabili nel centro della città, ma i lavori non inizieranno prima della prossima estate.'],
  ['pt', 'A prefeitura anunciou que vai construir novas ciclovias no centro da cidade, mas as obras só devem começar depois do verão, segundo o secretário.'],
  ['nl', 'De gemeente heeft aangekondigd dat er nieuwe fietspaden in het centrum komen, maar de werkzaamheden beginnen pas na de zomer van dit jaar.'],
  ['pl', 'Miasto ogłosiło, że zbuduje nowe ścieżki rowerowe w centrum, ale prace rozpoczną się dopiero po wakacjach, jak poinformował rzecznik urzędu.'],
  ['ru', 'Город объявил, что построит новые велосипедные дорожки в центре, но работы начнутся только после лета, как сообщил представитель мэрии.'],
  ['zh', '经过两年的改造，城市中心的老公园将在今年春天重新向市民开放。改造工程包括修复湖边的步道，种植新的树木。'],
  ['ja', '市の中心にある古い公園は、二年間の改修工事を終えて、この春にふたたび市民に開放されることになりました。'],
];

describe('language detection', () => {
  it.each(SAMPLES)('detects %s', (language, text) => {
    expect(strip(text).language).toBe(language);
  });

  it('takes a forced language', () => {
    expect(strip(SAMPLES[0]![1], { language: 'de' }).language).toBe('de');
  });
});
