import type { ItemKind } from '../../shared/types';

/**
 * Starter catalogs a new store can load. Prices are in hundredths of the major unit (4.40 is
 * 440); loadStarter scales them to the store's currency, and for a zero-decimal currency such
 * as JPY the same figure reads naturally as 440 yen.
 */
export type StarterItem = { name: string; kind: ItemKind; price: number; expect: string };
export type StarterCategory = { name: string; items: StarterItem[] };

const product = (name: string, price: number, expect: string): StarterItem => ({ name, kind: 'product', price, expect });
const service = (name: string, price: number, expect: string): StarterItem => ({ name, kind: 'service', price, expect });

export const starterCatalogs: Record<'cafe' | 'salon', StarterCategory[]> = {
  cafe: [
    {
      name: 'Coffee',
      items: [
        product('Espresso', 280, 'A short, strong shot.'),
        product('Americano', 340, 'Espresso topped up with hot water.'),
        product('Cappuccino', 420, 'Espresso with foamed milk, about 180 ml.'),
        product('Latte', 440, 'Espresso with steamed milk, about 300 ml.'),
        product('Flat white', 430, 'A double shot with a thin layer of milk.'),
      ],
    },
    {
      name: 'Tea & more',
      items: [
        product('Pot of tea', 350, 'Loose-leaf tea for one; ask for the list.'),
        product('Hot chocolate', 400, 'With whipped cream on request.'),
        product('Fresh orange juice', 450, 'Squeezed to order, 250 ml.'),
      ],
    },
    {
      name: 'Food',
      items: [
        product('Croissant', 320, 'Butter croissant, warmed if you like.'),
        product('Banana bread', 380, 'A thick slice, served with butter.'),
        product('Toasted sandwich', 750, 'Ham and cheese or the veggie of the day.'),
      ],
    },
  ],
  salon: [
    {
      name: 'Cuts',
      items: [
        service('Women’s cut & finish', 5500, 'Consultation, wash, cut and blow-dry; about 60 minutes.'),
        service('Men’s cut', 3200, 'Wash, cut and style; about 30 minutes.'),
        service('Children’s cut', 2000, 'Under 12; about 20 minutes.'),
        service('Blow-dry', 3000, 'Wash and blow-dry; about 40 minutes.'),
      ],
    },
    {
      name: 'Colour',
      items: [
        service('Root colour', 6000, 'Regrowth colour with a patch test beforehand; about 90 minutes.'),
        service('Full head highlights', 11000, 'Foils through the whole head; about 2 hours 30 minutes.'),
        service('Toner', 2500, 'Refreshes tone after colour; about 20 minutes.'),
      ],
    },
    {
      name: 'Retail',
      items: [
        product('Shampoo 250 ml', 1800, 'The shampoo we used today, to take home.'),
        product('Styling cream', 1600, 'Light hold, no residue.'),
      ],
    },
  ],
};

/** Scales a starter price (hundredths of the major unit) to the store's minor unit. */
export function starterPrice(price: number, exponent: number): number {
  return exponent >= 2 ? price * 10 ** (exponent - 2) : price;
}
