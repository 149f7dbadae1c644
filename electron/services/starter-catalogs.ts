import type { ItemKind } from '../../shared/types';

/**
 * Starter catalogs a new store can load. Prices are in hundredths of the major unit (4.40 is
 * 440); loadStarter scales them to the store's currency, and for a zero-decimal currency such
 * as JPY the same figure reads naturally as 440 yen. A service says how long it takes and what
 * the customer should expect (the result, its limits, the aftercare) in plain words, printed on
 * the token slip and the receipt; a product has neither.
 */
export type StarterItem = { name: string; kind: ItemKind; price: number; expect: string; minutes: number | null };
export type StarterCategory = { name: string; items: StarterItem[] };

const product = (name: string, price: number): StarterItem => ({ name, kind: 'product', price, expect: '', minutes: null });
const service = (name: string, price: number, minutes: number, expect: string): StarterItem => ({ name, kind: 'service', price, expect, minutes });

export const starterCatalogs: Record<'cafe' | 'salon', StarterCategory[]> = {
  cafe: [
    {
      name: 'Coffee',
      items: [product('Espresso', 280), product('Americano', 340), product('Cappuccino', 420), product('Latte', 440), product('Flat white', 430)],
    },
    {
      name: 'Tea & more',
      items: [product('Pot of tea', 350), product('Hot chocolate', 400), product('Fresh orange juice', 450)],
    },
    {
      name: 'Food',
      items: [product('Croissant', 320), product('Banana bread', 380), product('Toasted sandwich', 750)],
    },
  ],
  salon: [
    {
      name: 'Cuts',
      items: [
        service(
          'Women’s cut & finish',
          5500,
          60,
          'The shape we agree on at the start, washed, cut and blow-dried. A big change may take two visits to settle. Tell us within 7 days if something is not right and we will adjust it free.',
        ),
        service(
          'Men’s cut',
          3200,
          30,
          'Washed, cut and styled to the length we agree. Clipper work shows your natural hairline. Free touch-up of the neckline within 7 days.',
        ),
        service(
          'Children’s cut',
          2000,
          20,
          'A simple, tidy cut for under-12s. A very restless child may get a shorter finish than planned. Free neaten-up within 7 days.',
        ),
        service(
          'Blow-dry',
          3000,
          40,
          'Washed and blow-dried smooth or with volume. It lasts until your next wash; rain, steam and sport will loosen it sooner.',
        ),
      ],
    },
    {
      name: 'Colour',
      items: [
        service(
          'Root colour',
          6000,
          90,
          'Regrowth coloured to match your lengths. Needs a patch test 48 hours before. Grey coverage can fade a little after 4 to 6 weeks. Use colour-safe shampoo and wait 48 hours before washing.',
        ),
        service(
          'Full head highlights',
          11000,
          150,
          'Foils through the whole head for a lighter, brighter look. Dark or coloured hair may lift less in one visit. Use a purple shampoo weekly and a mask to keep it soft; book a toner in 6 to 8 weeks.',
        ),
        service(
          'Toner',
          2500,
          20,
          'Refreshes and evens out the tone after colour or highlights. It is not a colour change and fades over 4 to 6 weeks. Wash with lukewarm water to keep it longer.',
        ),
      ],
    },
    {
      name: 'Retail',
      items: [product('Shampoo 250 ml', 1800), product('Styling cream', 1600)],
    },
  ],
};

/**
 * A starter's loyalty example: the café's stamp card (every 10th coffee free), set up on its
 * Coffee category but left off, so the owner turns it on with one switch in Settings.
 */
export const starterLoyalty: Partial<Record<'cafe' | 'salon', { category: string; stampsEvery: number }>> = {
  cafe: { category: 'Coffee', stampsEvery: 10 },
};

/** Scales a starter price (hundredths of the major unit) to the store's minor unit. */
export function starterPrice(price: number, exponent: number): number {
  return exponent >= 2 ? price * 10 ** (exponent - 2) : price;
}
