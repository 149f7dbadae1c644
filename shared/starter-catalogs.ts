import type { Language } from './i18n/languages';

/**
 * The starter catalogs a new store can begin with, in each language a store prints in: the
 * first-run wizard puts one into the store profile it builds (in the receipt language chosen
 * there), and catalog.loadStarter adds the English one to a store already running.
 *
 * Prices are in hundredths of the major unit (4.40 is 440); starterPrice scales them to the
 * store's currency, and for a zero-decimal currency such as JPY the same figure reads naturally
 * as 440 yen. A service says how long it takes and what the customer should expect (the result,
 * its limits, the aftercare) in plain words, printed on the token slip and the receipt; a
 * product has neither.
 */
export type StarterKind = 'cafe' | 'salon';
/** What the wizard offers: one of the starters, or nothing (the owner fills the catalog in later). */
export type StarterChoice = StarterKind | 'empty';
export const starterChoices: readonly StarterChoice[] = ['cafe', 'salon', 'empty'];

type Words = Record<Language, string>;
export type StarterEntry = { name: Words; price: number } & ({ kind: 'product' } | { kind: 'service'; minutes: number; expect: Words });
export type StarterGroup = { name: Words; items: StarterEntry[] };

const product = (en: string, de: string, es: string, price: number): StarterEntry => ({ name: { en, de, es }, kind: 'product', price });
const service = (name: Words, price: number, minutes: number, expect: Words): StarterEntry => ({ name, kind: 'service', price, minutes, expect });

export const starterGroups: Record<StarterKind, StarterGroup[]> = {
  cafe: [
    {
      name: { en: 'Coffee', de: 'Kaffee', es: 'Café' },
      items: [
        product('Espresso', 'Espresso', 'Café solo', 280),
        product('Americano', 'Americano', 'Americano', 340),
        product('Cappuccino', 'Cappuccino', 'Capuchino', 420),
        product('Latte', 'Milchkaffee', 'Café con leche', 440),
        product('Flat white', 'Flat White', 'Flat white', 430),
      ],
    },
    {
      name: { en: 'Tea & more', de: 'Tee & mehr', es: 'Té y más' },
      items: [
        product('Pot of tea', 'Kanne Tee', 'Tetera', 350),
        product('Hot chocolate', 'Heiße Schokolade', 'Chocolate caliente', 400),
        product('Fresh orange juice', 'Frischer Orangensaft', 'Zumo de naranja natural', 450),
      ],
    },
    {
      name: { en: 'Food', de: 'Essen', es: 'Comida' },
      items: [
        product('Croissant', 'Croissant', 'Cruasán', 320),
        product('Banana bread', 'Bananenbrot', 'Pan de plátano', 380),
        product('Toasted sandwich', 'Getoastetes Sandwich', 'Sándwich tostado', 750),
      ],
    },
  ],
  salon: [
    {
      name: { en: 'Cuts', de: 'Haarschnitte', es: 'Cortes' },
      items: [
        service({ en: 'Women’s cut & finish', de: 'Damenhaarschnitt mit Föhnen', es: 'Corte y peinado mujer' }, 5500, 60, {
          en: 'The shape we agree on at the start, washed, cut and blow-dried. A big change may take two visits to settle. Tell us within 7 days if something is not right and we will adjust it free.',
          de: 'Die Form, die wir zu Beginn besprechen: gewaschen, geschnitten und geföhnt. Eine große Veränderung braucht manchmal zwei Termine. Sagen Sie uns innerhalb von 7 Tagen Bescheid, wenn etwas nicht passt; wir korrigieren es kostenlos.',
          es: 'La forma que acordamos al empezar: lavado, corte y secado. Un cambio grande puede necesitar dos visitas. Si algo no le convence, díganoslo en 7 días y lo ajustamos gratis.',
        }),
        service({ en: 'Men’s cut', de: 'Herrenhaarschnitt', es: 'Corte hombre' }, 3200, 30, {
          en: 'Washed, cut and styled to the length we agree. Clipper work shows your natural hairline. Free touch-up of the neckline within 7 days.',
          de: 'Gewaschen, geschnitten und gestylt auf die besprochene Länge. Mit der Maschine zeigt sich Ihr natürlicher Haaransatz. Nacken nachschneiden innerhalb von 7 Tagen kostenlos.',
          es: 'Lavado, corte y peinado al largo que acordemos. La máquina deja ver su línea natural del cabello. Repaso gratuito de la nuca en 7 días.',
        }),
        service({ en: 'Children’s cut', de: 'Kinderhaarschnitt', es: 'Corte infantil' }, 2000, 20, {
          en: 'A simple, tidy cut for under-12s. A very restless child may get a shorter finish than planned. Free neaten-up within 7 days.',
          de: 'Ein einfacher, ordentlicher Schnitt für Kinder unter 12. Bei einem sehr unruhigen Kind fällt das Ergebnis manchmal kürzer aus als geplant. Kostenloses Nachschneiden innerhalb von 7 Tagen.',
          es: 'Un corte sencillo y cuidado para menores de 12 años. Si el niño se mueve mucho, puede quedar más corto de lo previsto. Retoque gratuito en 7 días.',
        }),
        service({ en: 'Blow-dry', de: 'Föhnen', es: 'Brushing' }, 3000, 40, {
          en: 'Washed and blow-dried smooth or with volume. It lasts until your next wash; rain, steam and sport will loosen it sooner.',
          de: 'Gewaschen und glatt oder mit Volumen geföhnt. Hält bis zur nächsten Haarwäsche; Regen, Dampf und Sport lassen es früher nach.',
          es: 'Lavado y secado liso o con volumen. Dura hasta el próximo lavado; la lluvia, el vapor y el deporte lo aflojan antes.',
        }),
      ],
    },
    {
      name: { en: 'Colour', de: 'Farbe', es: 'Color' },
      items: [
        service({ en: 'Root colour', de: 'Ansatzfarbe', es: 'Tinte de raíz' }, 6000, 90, {
          en: 'Regrowth coloured to match your lengths. Needs a patch test 48 hours before. Grey coverage can fade a little after 4 to 6 weeks. Use colour-safe shampoo and wait 48 hours before washing.',
          de: 'Der Ansatz wird passend zu Ihren Längen gefärbt. Ein Verträglichkeitstest 48 Stunden vorher ist nötig. Die Grauabdeckung kann nach 4 bis 6 Wochen etwas nachlassen. Farbschutz-Shampoo verwenden und 48 Stunden nicht waschen.',
          es: 'La raíz se tiñe a juego con el resto del cabello. Requiere una prueba de alergia 48 horas antes. La cobertura de canas puede perder algo a las 4 a 6 semanas. Use champú para cabello teñido y no lo lave en 48 horas.',
        }),
        service({ en: 'Full head highlights', de: 'Strähnen, ganzer Kopf', es: 'Mechas completas' }, 11000, 150, {
          en: 'Foils through the whole head for a lighter, brighter look. Dark or coloured hair may lift less in one visit. Use a purple shampoo weekly and a mask to keep it soft; book a toner in 6 to 8 weeks.',
          de: 'Folien am ganzen Kopf für einen helleren, strahlenderen Look. Dunkles oder gefärbtes Haar hellt in einem Termin oft weniger auf. Wöchentlich Silbershampoo und eine Maske verwenden; in 6 bis 8 Wochen einen Toner buchen.',
          es: 'Mechas con papel en toda la cabeza para un tono más claro y luminoso. El cabello oscuro o teñido puede aclarar menos en una visita. Use champú violeta cada semana y una mascarilla; reserve un matiz en 6 a 8 semanas.',
        }),
        service({ en: 'Toner', de: 'Toner', es: 'Matiz' }, 2500, 20, {
          en: 'Refreshes and evens out the tone after colour or highlights. It is not a colour change and fades over 4 to 6 weeks. Wash with lukewarm water to keep it longer.',
          de: 'Frischt den Farbton nach dem Färben oder den Strähnen auf und gleicht ihn aus. Keine Farbveränderung; verblasst in 4 bis 6 Wochen. Mit lauwarmem Wasser waschen, dann hält er länger.',
          es: 'Aviva y unifica el tono después del tinte o las mechas. No cambia el color y se va en 4 a 6 semanas. Lave con agua tibia para que dure más.',
        }),
      ],
    },
    {
      name: { en: 'Retail', de: 'Produkte', es: 'Productos' },
      items: [product('Shampoo 250 ml', 'Shampoo 250 ml', 'Champú 250 ml', 1800), product('Styling cream', 'Stylingcreme', 'Crema de peinado', 1600)],
    },
  ],
};

/**
 * A starter's loyalty example: the café's stamp card (every 10th coffee free), set up on its
 * Coffee category but left off, so the owner turns it on with one switch in Settings.
 */
export const starterLoyalty: Partial<Record<StarterKind, { category: Words; stampsEvery: number }>> = {
  cafe: { category: starterGroups.cafe[0]!.name, stampsEvery: 10 },
};

/**
 * The words a new store starts with besides its catalog, in its receipt language: the tax rates'
 * labels and the pay-after line printed on the token slip (the English one is the ledger's own
 * default, migration 002).
 */
export const starterWords: Record<Language, { standardRate: string; reducedRate: string; zeroRate: string; payAfterTerms: string }> = {
  en: { standardRate: 'Standard', reducedRate: 'Reduced', zeroRate: 'Zero', payAfterTerms: "Pay at the counter when you're done. Not happy? Tell us." },
  de: {
    standardRate: 'Normal',
    reducedRate: 'Ermäßigt',
    zeroRate: 'Null',
    payAfterTerms: 'Bezahlt wird am Ende an der Theke. Nicht zufrieden? Sagen Sie es uns.',
  },
  es: {
    standardRate: 'General',
    reducedRate: 'Reducido',
    zeroRate: 'Cero',
    payAfterTerms: 'Pague en el mostrador al terminar. ¿Algo no le ha gustado? Díganoslo.',
  },
};

/** Scales a starter price (hundredths of the major unit) to the store's minor unit. */
export function starterPrice(price: number, exponent: number): number {
  return exponent >= 2 ? price * 10 ** (exponent - 2) : price;
}

/** A starter's catalog as a store profile holds it (docs/STORE-PROFILE.md), every item at one rate. */
export type StarterCatalogItem = { name: string; category: string; priceMinor: number; rateMilli: number } & (
  { kind: 'product' } | { kind: 'service'; durationMinutes: number; expectText: string }
);
export type StarterCatalog = { categories: string[]; items: StarterCatalogItem[] };

/**
 * The catalog part of a store profile for a starter, in one language, priced for a currency of
 * this exponent, every item at rateMilli (the store's standard rate; Catalog changes any of them).
 */
export function starterCatalog(choice: StarterChoice, language: Language, exponent: number, rateMilli: number): StarterCatalog {
  if (choice === 'empty') return { categories: [], items: [] };
  const groups = starterGroups[choice];
  return {
    categories: groups.map((group) => group.name[language]),
    items: groups.flatMap((group) =>
      group.items.map((entry): StarterCatalogItem => {
        const item = { name: entry.name[language], category: group.name[language], priceMinor: starterPrice(entry.price, exponent), rateMilli };
        return entry.kind === 'service'
          ? { ...item, kind: 'service', durationMinutes: entry.minutes, expectText: entry.expect[language] }
          : { ...item, kind: 'product' };
      }),
    ),
  };
}
